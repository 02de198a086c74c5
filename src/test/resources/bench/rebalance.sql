-- The pipeline's daily work as one DuckDB script, for `runners/benchmark.sh ACCOUNTS --duckdb`:
-- the yardstick the pipeline's figures are compared with. SqlScriptBenchmark runs it on a fresh
-- database file, substituting ${BOOK} (the synthetic book's folder), ${OUT} (the output folder),
-- ${RUN_DATE} (YYYY-MM-DD) and ${RUN_DATE_BASIC} (YYYYMMDD). Each "-- stage:" line starts a
-- stage that is timed on its own; a statement ends with ';' at the end of a line.
--
-- It does the same volume of work (parse every row, price, analyse every account with its value
-- series over the price history, household drift against bands, whole-share trades placed on
-- accounts, the warehouse tables in one transaction, the orders CSV) but leaves out, so it is a
-- little lighter than the pipeline:
-- - cash scaling (SPEC step 4): buys are not scaled down to the cash available;
-- - the greedy buy placement (step 5): a buy goes whole to the account with the largest budget,
--   without checking that the account can pay for it, so there are no "no cash" unplaced trades;
-- - the household value series (the pipeline's warehouse derives them; so could a view here);
-- - the input checks: as-of dates, one file per account, price age and price breaks, and all but
--   two of the 23 data-quality checks; rejected rows are only unknown accounts and unpriced rows;
-- - the formula guard on CSV text cells, CRLF line ends and half-even rounding of amounts
--   (DuckDB's round() rounds half away from zero), and the HTML report;
-- - a cash-only account gets NULL risk figures (the pipeline values it on every price date).

-- stage: read
BEGIN TRANSACTION;

CREATE TEMP TABLE raw_holdings AS
SELECT regexp_extract(filename, '([^/]+)/positions\.csv$', 1) AS brokerage_id, account_id, symbol,
       quantity, price, asset_class
FROM read_csv('${BOOK}/brokerages/*/positions.csv', header = true, filename = true,
    columns = {'account_id': 'VARCHAR', 'symbol': 'VARCHAR', 'quantity': 'DECIMAL(38,10)',
               'price': 'DECIMAL(38,10)', 'asset_class': 'VARCHAR'});

CREATE TEMP TABLE accounts AS
SELECT * FROM read_csv('${BOOK}/accounts.csv', header = true,
    columns = {'brokerage_id': 'VARCHAR', 'account_id': 'VARCHAR', 'household_id': 'VARCHAR',
               'model_id': 'VARCHAR', 'cash_reserve': 'DECIMAL(38,10)'});

CREATE TEMP TABLE models AS
SELECT * FROM read_csv('${BOOK}/models.csv', header = true,
    columns = {'model_id': 'VARCHAR', 'symbol': 'VARCHAR', 'target_weight': 'DECIMAL(18,10)'});

-- The warehouse keeps the price history once; the analysis sees closes up to the run date.
CREATE TABLE prices AS
SELECT "date" AS value_date, symbol, close FROM read_csv('${BOOK}/prices.csv', header = true,
    columns = {'date': 'DATE', 'symbol': 'VARCHAR', 'close': 'DECIMAL(38,10)'});

CREATE TEMP TABLE closes AS SELECT * FROM prices WHERE value_date <= DATE '${RUN_DATE}';

CREATE TEMP TABLE latest_close AS
SELECT symbol, arg_max(close, value_date) AS close FROM closes GROUP BY symbol;

-- stage: price
-- One row per account and symbol, as the pipeline keeps (a symbol on two lines is summed).
CREATE TEMP TABLE priced AS
SELECT h.brokerage_id, h.account_id, a.household_id, h.symbol, min(h.asset_class) AS asset_class,
       sum(h.quantity) AS quantity,
       CASE WHEN h.symbol = 'CASH' OR upper(min(h.asset_class)) = 'CASH'
            THEN coalesce(min(h.price), 1) ELSE coalesce(min(l.close), min(h.price)) END AS price,
       h.symbol = 'CASH' OR upper(min(h.asset_class)) = 'CASH' AS is_cash,
       a.account_id IS NOT NULL AS known_account
FROM raw_holdings h
LEFT JOIN accounts a USING (brokerage_id, account_id)
LEFT JOIN latest_close l USING (symbol)
GROUP BY h.brokerage_id, h.account_id, a.household_id, a.account_id, h.symbol;

CREATE TABLE rejected_records AS
SELECT DATE '${RUN_DATE}' AS run_date, brokerage_id, account_id, symbol,
       CASE WHEN NOT known_account THEN 'account not in accounts.csv' ELSE 'no price' END AS reason
FROM priced WHERE NOT known_account OR price IS NULL;

CREATE TABLE holdings AS
SELECT DATE '${RUN_DATE}' AS run_date, brokerage_id, account_id, household_id, symbol,
       asset_class, quantity, price, CAST(quantity * price AS DECIMAL(38,10)) AS market_value,
       is_cash
FROM priced WHERE known_account AND price IS NOT NULL;

-- stage: analyse
-- Today's holdings held constant over the price history: the value on each date on which every
-- held symbol has a close, cash at its constant value (SPEC "Per-account analysis"). The values
-- are doubles here (the pipeline sums them exactly, then takes double statistics): exact
-- decimals made this stage twice as slow in DuckDB, which would flatter the pipeline.
CREATE TEMP TABLE account_series AS
WITH held AS (
  SELECT brokerage_id, account_id, symbol, quantity FROM holdings
  WHERE NOT is_cash AND quantity <> 0),
held_count AS (
  SELECT brokerage_id, account_id, count(*) AS n FROM held GROUP BY ALL),
cash AS (
  SELECT brokerage_id, account_id, coalesce(sum(market_value) FILTER (WHERE is_cash), 0) AS cash
  FROM holdings GROUP BY ALL),
valued AS (
  SELECT h.brokerage_id, h.account_id, c.value_date,
         sum(CAST(h.quantity AS DOUBLE) * CAST(c.close AS DOUBLE)) AS invested,
         count(*) AS closes
  FROM held h JOIN closes c USING (symbol) GROUP BY ALL)
SELECT v.brokerage_id, v.account_id, v.value_date, v.invested + CAST(k.cash AS DOUBLE) AS value
FROM valued v JOIN held_count n USING (brokerage_id, account_id)
JOIN cash k USING (brokerage_id, account_id)
WHERE v.closes = n.n;

CREATE TEMP TABLE account_risk AS
WITH steps AS (
  SELECT brokerage_id, account_id,
         value / lag(value) OVER w - 1 AS daily_return,
         1 - value / max(value) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS drawdown
  FROM account_series
  WINDOW w AS (PARTITION BY brokerage_id, account_id ORDER BY value_date))
SELECT brokerage_id, account_id, count(*) AS dates,
       stddev_samp(daily_return) * sqrt(252) AS volatility, max(drawdown) AS max_drawdown
FROM steps GROUP BY ALL;

CREATE TABLE portfolio_metrics AS
WITH m AS (
  SELECT brokerage_id, account_id, household_id, sum(market_value) AS total_value,
         coalesce(sum(market_value) FILTER (WHERE is_cash), 0) AS cash_value,
         count(DISTINCT symbol) FILTER (WHERE NOT is_cash) AS positions,
         sum(power(CAST(market_value AS DOUBLE), 2)) FILTER (WHERE NOT is_cash) AS squares
  FROM holdings GROUP BY ALL)
SELECT DATE '${RUN_DATE}' AS run_date, m.brokerage_id, m.account_id, m.household_id, a.model_id,
       m.total_value, m.cash_value, m.total_value - m.cash_value AS invested_value, m.positions,
       CASE WHEN m.total_value - m.cash_value > 0
            THEN m.squares / power(CAST(m.total_value - m.cash_value AS DOUBLE), 2) END AS hhi,
       CASE WHEN r.dates >= 3 THEN r.volatility END AS volatility,
       CASE WHEN r.dates >= 3 THEN r.max_drawdown END AS max_drawdown,
       CASE WHEN r.dates >= 3 THEN greatest(1, least(10, ceil(r.volatility / 0.03))) END AS risk_score,
       a.cash_reserve
FROM m JOIN accounts a USING (brokerage_id, account_id)
LEFT JOIN account_risk r USING (brokerage_id, account_id);

-- stage: allocate
-- Weights of every symbol held (cash as one CASH row) or named by the model, per account and per
-- household, and the drift test: |MV - tV| > absoluteBand V, or t > 0 and |MV - tV| > relativeBand
-- t V; a held symbol with t = 0 is out of band; cash and restricted symbols never are. The bands
-- (0.05, 0.25), the minimum trade (100) and the restricted symbol (RSTR) are the synthetic
-- book's config: the defaults plus `restricted: [RSTR]`.
CREATE TEMP TABLE scoped_values AS
SELECT 'account' AS scope, brokerage_id || '/' || account_id AS scope_id, household_id,
       CASE WHEN is_cash THEN 'CASH' ELSE symbol END AS symbol,
       sum(market_value) AS market_value, sum(quantity) AS quantity
FROM holdings GROUP BY ALL
UNION ALL
SELECT 'household', household_id, household_id, CASE WHEN is_cash THEN 'CASH' ELSE symbol END,
       sum(market_value), sum(quantity)
FROM holdings GROUP BY ALL;

CREATE TEMP TABLE scope_model AS
SELECT 'account' AS scope, brokerage_id || '/' || account_id AS scope_id, household_id,
       model_id, total_value
FROM portfolio_metrics
UNION ALL
SELECT 'household', household_id, household_id, min(model_id), sum(total_value)
FROM portfolio_metrics GROUP BY household_id;

CREATE TABLE allocations AS
WITH wanted AS (
  SELECT s.scope, s.scope_id, s.household_id, s.total_value, x.symbol,
         coalesce(v.market_value, 0) AS market_value, coalesce(v.quantity, 0) AS quantity,
         coalesce(m.target_weight, 0) AS t
  FROM scope_model s
  JOIN (SELECT scope, scope_id, symbol FROM scoped_values
        UNION SELECT s.scope, s.scope_id, m.symbol FROM scope_model s JOIN models m USING (model_id)) x
    USING (scope, scope_id)
  LEFT JOIN scoped_values v USING (scope, scope_id, symbol)
  LEFT JOIN models m ON m.model_id = s.model_id AND m.symbol = x.symbol)
SELECT DATE '${RUN_DATE}' AS run_date, scope, scope_id, household_id, symbol, market_value,
       CASE WHEN total_value = 0 THEN 0 ELSE CAST(market_value AS DOUBLE) / CAST(total_value AS DOUBLE) END AS weight,
       CAST(t AS DOUBLE) AS target_weight,
       CASE WHEN total_value = 0 THEN 0 ELSE CAST(market_value AS DOUBLE) / CAST(total_value AS DOUBLE) END
           - CAST(t AS DOUBLE) AS drift,
       symbol <> 'CASH' AND symbol <> 'RSTR' AND total_value > 0
         AND CASE WHEN t = 0 THEN market_value <> 0
                  ELSE abs(market_value - t * total_value) > 0.05 * total_value
                    OR abs(market_value - t * total_value) > 0.25 * t * total_value END AS out_of_band,
       quantity, t * total_value - market_value AS change
FROM wanted;

CREATE TABLE asset_class_allocations AS
WITH v AS (
  SELECT 'account' AS scope, brokerage_id || '/' || account_id AS scope_id, household_id,
         asset_class, sum(market_value) AS market_value
  FROM holdings GROUP BY ALL
  UNION ALL
  SELECT 'household', household_id, household_id, asset_class, sum(market_value)
  FROM holdings GROUP BY ALL)
SELECT DATE '${RUN_DATE}' AS run_date, v.scope, v.scope_id, v.household_id, v.asset_class,
       v.market_value,
       CASE WHEN s.total_value = 0 THEN 0 ELSE CAST(v.market_value AS DOUBLE) / CAST(s.total_value AS DOUBLE) END AS weight
FROM v JOIN scope_model s USING (scope, scope_id);

-- stage: rebalance
-- Whole-share trades per out-of-band household symbol, at its trading price: the latest close,
-- else the price on the holding row of the household's first account.
CREATE TEMP TABLE trading_price AS
SELECT household_id, symbol,
       coalesce(min(l.close), arg_min(h.price, {'b': h.brokerage_id, 'a': h.account_id})) AS price
FROM (SELECT DISTINCT household_id, symbol FROM allocations WHERE scope = 'household') s
LEFT JOIN holdings h USING (household_id, symbol)
LEFT JOIN latest_close l USING (symbol)
GROUP BY household_id, symbol;

CREATE TEMP TABLE trades AS
SELECT a.household_id, a.symbol, p.price, a.weight, a.target_weight, a.quantity AS held,
       CASE WHEN a.change < 0 THEN 'SELL' ELSE 'BUY' END AS side,
       -- DuckDB divides decimals in double precision; the floor is made a decimal again.
       CASE WHEN a.change >= 0 THEN CAST(floor(a.change / p.price) AS DECIMAL(38,10))
            WHEN a.target_weight = 0 THEN a.quantity
            ELSE least(a.quantity, CAST(floor(-a.change / p.price) AS DECIMAL(38,10))) END AS quantity,
       CASE WHEN a.target_weight = 0 THEN 'liquidate: not in model'
            WHEN a.change < 0 THEN 'overweight' ELSE 'underweight' END AS reason
FROM allocations a JOIN trading_price p USING (household_id, symbol)
WHERE a.scope = 'household' AND a.out_of_band AND p.price IS NOT NULL
  AND (a.change >= 0 OR a.quantity > 0);

CREATE TABLE unplaced_trades AS
SELECT DATE '${RUN_DATE}' AS run_date, a.household_id, a.symbol,
       CASE WHEN a.change < 0 THEN 'SELL' ELSE 'BUY' END AS side,
       CAST(NULL AS DECIMAL(38,10)) AS quantity, 'no price' AS reason
FROM allocations a JOIN trading_price p USING (household_id, symbol)
WHERE a.scope = 'household' AND a.out_of_band AND p.price IS NULL;

-- Sells: the accounts holding the symbol, largest quantity first, each up to what it holds.
CREATE TEMP TABLE placed_sells AS
WITH holders AS (
  SELECT t.*, h.brokerage_id, h.account_id, h.quantity AS account_quantity,
         coalesce(sum(h.quantity) OVER (PARTITION BY t.household_id, t.symbol
             ORDER BY h.quantity DESC, h.brokerage_id, h.account_id
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM trades t JOIN holdings h USING (household_id, symbol)
  WHERE t.side = 'SELL' AND t.quantity * t.price >= 100 AND h.quantity > 0)
SELECT household_id, brokerage_id, account_id, symbol, side,
       least(account_quantity, quantity - before) AS quantity, price, weight, target_weight, reason
FROM holders WHERE quantity - before > 0;

-- Buys: whole, to the account with the largest budget (cash above reserve plus its own sells).
CREATE TEMP TABLE placed_buys AS
WITH budget AS (
  SELECT m.household_id, m.brokerage_id, m.account_id,
         greatest(0, m.cash_value - m.cash_reserve) + coalesce(sum(s.quantity * s.price), 0) AS budget
  FROM portfolio_metrics m LEFT JOIN placed_sells s USING (household_id, brokerage_id, account_id)
  GROUP BY m.household_id, m.brokerage_id, m.account_id, m.cash_value, m.cash_reserve),
best AS (
  SELECT household_id, arg_max({'b': brokerage_id, 'a': account_id}, budget) AS account
  FROM budget GROUP BY household_id)
SELECT t.household_id, b.account.b AS brokerage_id, b.account.a AS account_id, t.symbol, t.side,
       t.quantity, t.price, t.weight, t.target_weight, t.reason
FROM trades t JOIN best b USING (household_id)
WHERE t.side = 'BUY' AND t.quantity > 0 AND t.quantity * t.price >= 100;

CREATE TABLE trade_orders AS
SELECT DATE '${RUN_DATE}' AS run_date,
       '${RUN_DATE_BASIC}-' || substr(sha256(concat_ws(chr(31), '${RUN_DATE}', household_id,
           brokerage_id, account_id, symbol, side)), 1, 16) AS order_id,
       household_id, brokerage_id, account_id, symbol, side, quantity, price,
       round(quantity * price, 2) AS estimated_amount, round(weight, 6) AS current_weight,
       round(target_weight, 6) AS target_weight, reason
FROM (SELECT * FROM placed_sells UNION ALL SELECT * FROM placed_buys);

-- stage: write
-- Plain decimals without trailing zeros, weights with 6 decimals, as the pipeline writes them.
CREATE TEMP MACRO plain(d) AS rtrim(rtrim(CAST(d AS VARCHAR), '0'), '.');

COPY (SELECT run_date, order_id, household_id, brokerage_id, account_id, symbol, side,
             plain(quantity) AS quantity, plain(price) AS price, estimated_amount,
             printf('%.6f', current_weight) AS current_weight,
             printf('%.6f', target_weight) AS target_weight, reason
      FROM trade_orders ORDER BY household_id, brokerage_id, account_id, side DESC, symbol)
TO '${OUT}/trade_orders_${RUN_DATE_BASIC}.csv' (HEADER, DELIMITER ',');

-- Two of the pipeline's checks, inside the transaction as there: each account's total equals
-- the sum of its holdings to the cent, and no sell exceeds the holding.
SELECT count(*) AS unreconciled_accounts
FROM portfolio_metrics m JOIN (SELECT brokerage_id, account_id, sum(market_value) AS v
                               FROM holdings GROUP BY ALL) h USING (brokerage_id, account_id)
WHERE round(m.total_value, 2) <> round(h.v, 2);

SELECT count(*) AS oversold_orders
FROM trade_orders o JOIN holdings h USING (brokerage_id, account_id, symbol)
WHERE o.side = 'SELL' AND o.quantity > h.quantity;

CREATE TABLE pipeline_runs AS
SELECT '${RUN_DATE}-duckdb' AS run_id, DATE '${RUN_DATE}' AS run_date, 'duckdb' AS runner,
       'SUCCEEDED' AS status, (SELECT count(*) FROM raw_holdings) AS records_read,
       (SELECT count(*) FROM rejected_records) AS records_rejected,
       (SELECT count(*) FROM portfolio_metrics) AS accounts,
       (SELECT count(DISTINCT household_id) FROM portfolio_metrics) AS households,
       (SELECT count(*) FROM trade_orders) AS orders;

COMMIT;

-- stage: summary
SELECT records_read, records_rejected, accounts, households, orders,
       (SELECT count(*) FROM trade_orders WHERE side = 'SELL') AS sells,
       (SELECT count(*) FROM trade_orders WHERE side = 'BUY') AS buys
FROM pipeline_runs;
