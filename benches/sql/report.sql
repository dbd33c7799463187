-- The aggregates `folio report --month 2026-11` reads (today 2026-11-23), as
-- plain SQL over the same file, query for query (src/ops/views.rs, `facts`
-- and `briefing`): the clients with their last touch and lifetime paid
-- total (kept by triggers), one window over the last 12 months of
-- touchpoints and of payments split at 120/60 days and 6/3 months, open and
-- broken agreements with kept ones counted, the invoices with a balance
-- left, month totals and targets of the 12 months, contacts counted per
-- client and decision makers' birthdays near, tier and status changes, and
-- next steps of the next 14 days. (folio reads these on two
-- connections side by side; the shell runs them one after the other.)
SELECT count(*), sum(length(name)), sum(paid_total) FROM (
  SELECT id, name, tier, status, since, cadence_days, channel, goal, notes, name_key,
         last_touch, paid_total
  FROM clients);
SELECT count(*) FROM clients WHERE last_touch IS NOT NULL AND last_touch <= '2026-11-23';
SELECT count(*), sum(m) FROM (
  SELECT client_id, sum(at <= '2026-07-26'), sum(at > '2026-07-26' AND at <= '2026-09-24'),
         sum(at > '2026-09-24'), sum(minutes) AS m
  FROM touchpoints WHERE at > '2025-11-23' AND at <= '2026-11-23' GROUP BY client_id);
SELECT count(*), sum(s) FROM (
  SELECT client_id, sum(CASE WHEN paid_on <= '2026-05-23' THEN amount END),
         sum(CASE WHEN paid_on > '2026-05-23' AND paid_on <= '2026-08-23' THEN amount END),
         sum(CASE WHEN paid_on > '2026-08-23' THEN amount END), sum(amount) AS s, count(*)
  FROM payments WHERE paid_on > '2025-11-23' AND paid_on <= '2026-11-23' GROUP BY client_id);
SELECT count(*), sum(length(text)) FROM (
  SELECT id, client_id, made_on, text, owner, due, status, closed_on FROM agreements
  WHERE status IN ('open', 'broken'));
SELECT count(*), sum(n) FROM (
  SELECT client_id, count(*) AS n FROM agreements WHERE +status = 'kept' GROUP BY client_id);
SELECT count(*), sum(i.amount - min(i.amount, max(0, c.paid_total - i.billed_before)))
  FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.open;
SELECT count(*), sum(amount) FROM plan_targets WHERE month BETWEEN '2025-12' AND '2026-11';
SELECT count(*), sum(expected), sum(received) FROM month_totals
  WHERE month BETWEEN '2025-12' AND '2026-11';
SELECT count(*), sum(c), sum(d) FROM (
  SELECT client_id, count(*) AS c, sum(decision_maker) AS d FROM contacts GROUP BY client_id);
SELECT count(*) FROM contacts WHERE decision_maker AND birthday IS NOT NULL
  AND substr(birthday, 6) BETWEEN '11-23' AND '12-08';
SELECT count(*) FROM tier_changes
  WHERE on_date BETWEEN '2026-11-01' AND '2026-11-30' AND from_tier IS NOT NULL;
SELECT count(*) FROM status_changes
  WHERE on_date BETWEEN '2025-11-23' AND '2026-11-23' AND from_status IS NOT NULL;
SELECT count(*), sum(length(next_step)) FROM (
  SELECT client_id, next_due, next_step FROM touchpoints
  WHERE next_due BETWEEN '2026-11-23' AND '2026-12-07' AND next_step IS NOT NULL
  ORDER BY next_due, id);
