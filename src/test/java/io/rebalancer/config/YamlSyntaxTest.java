package io.rebalancer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config that is not valid YAML stops the run with one line: file, line, column, the fix. */
class YamlSyntaxTest {
  @TempDir Path dir;

  private String error(String text) throws IOException {
    Path file = Files.writeString(dir.resolve("x.yaml"), text);
    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(file))
        .getMessage();
    assertThat(message, message.lines().count(), is(1L));
    return message.replace(file.toString(), "x.yaml");
  }

  @Test
  void aTabThatIndentsALineNamesThatLineAndColumn() throws IOException {
    // Jackson's own location is the end of line 3, the last token it read
    assertThat(error("name: x\nrebalance:\n  absoluteBand: 0.05\n\trelativeBand: 0.25\n"),
        is("config x.yaml line 4, column 1: a tab character indents this line: YAML indents"
            + " with spaces only"));
    assertThat(error("name: x\nrebalance:\n  \tabsoluteBand: 0.05\n"),
        is("config x.yaml line 3, column 3: a tab character indents this line: YAML indents"
            + " with spaces only"));
  }

  @Test
  void aLineIndentedLessThanItsSiblingsIsNamed() throws IOException {
    assertThat(error("name: x\nrebalance:\n  absoluteBand: 0.05\n relativeBand: 0.25\n"),
        is("config x.yaml line 4, column 2: the indentation lines up with no key above this"
            + " line: indent it with spaces like the keys it belongs with"));
    assertThat(error("sources:\n  - id: a\n   uri: b\n"),
        is("config x.yaml line 3, column 4: the indentation lines up with no key above this"
            + " line: indent it with spaces like the keys it belongs with"));
  }

  @Test
  void aLineIndentedDeeperThanItsSiblingsIsNamedAtItsColon() throws IOException {
    assertThat(error("name: x\nrebalance:\n  absoluteBand: 0.05\n    relativeBand: 0.25\n"),
        is("config x.yaml line 4, column 17: unexpected ':': this line is indented deeper than"
            + " the key above it, or a value holds ': ' and needs quotes"));
  }

  @Test
  void anUnclosedQuoteIsNamedWhereItOpens() throws IOException {
    assertThat(error("name: \"daily\nmodels: m.csv\nsources: []\n"),
        is("config x.yaml line 1, column 7: the quoted value that starts here is never closed:"
            + " add its closing quote"));
  }

  @Test
  void anUnclosedBracketIsNamedWhereItOpens() throws IOException {
    assertThat(error("rebalance:\n  restricted: [GME, AMC\nmodels: m.csv\n"),
        is("config x.yaml line 2, column 15: the '[' here is not closed: add ']' (or quote a"
            + " value that starts with '[')"));
  }

  @Test
  void aKeyGivenTwiceIsNamedWhereItRepeats() throws IOException {
    assertThat(error("name: a\nrebalance:\n  absoluteBand: 0.05\n  absoluteBand: 0.06\n"),
        is("config x.yaml line 4, column 3: key 'absoluteBand' is given twice in the same"
            + " mapping: keep one"));
  }
}
