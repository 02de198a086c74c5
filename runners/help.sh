# Sourced first by every script in runners/, with the script's arguments: answers --help, -h
# and --help=NAME from the texts in runners/help/ and exits, before anything is built or started,
# so that help is instant on a fresh clone. The pipeline launchers' texts are generated from the
# options classes (LauncherHelpTest fails when a checked-in text is stale); the other scripts'
# are written by hand.
_help_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/help"
_help_script="$(basename "${BASH_SOURCE[1]}" .sh)"
for _help_arg in "$@"; do
  case "$_help_arg" in
    --help | -h | --help=true)
      cat "$_help_dir/$_help_script.txt"
      exit 0 ;;
    --help=*)
      # Beam's --help=NAME: a simple or a full class name of an options interface
      _help_name="${_help_arg#--help=}"
      if [[ -f "$_help_dir/options/${_help_name##*.}.txt" ]] \
          && { [[ "$_help_name" != *.* ]] || [[ "$(sed -n 1p "$_help_dir/options/${_help_name##*.}.txt")" == "$_help_name:" ]]; }; then
        cat "$_help_dir/options/${_help_name##*.}.txt"
        exit 0
      fi
      _help_known=$(cd "$_help_dir/options" && ls -- *.txt | sed 's/\.txt$//' | paste -sd ' ' | sed 's/ /, /g')
      echo "error: --help=$_help_name: no options interface of that name (known: $_help_known)" >&2
      exit 2 ;;
  esac
done
unset _help_dir _help_script _help_arg
