-- What `folio plan show --month 2026-11 --json` computes, as plain SQL over
-- the same file: received in the month, expected, and the month's balances
-- from the maintained settlement totals (outstanding, overdue as of
-- 2026-11-23), per client and in total.
WITH inv AS (
  SELECT i.client_id, i.amount, i.due,
         min(i.amount, max(0, c.paid_total - i.billed_before)) AS paid
  FROM invoices i JOIN clients c ON c.id = i.client_id
  WHERE i.month = '2026-11'
),
rec AS (
  SELECT client_id, sum(amount) AS received FROM payments
  WHERE paid_on BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY client_id
)
SELECT
  (SELECT amount FROM plan_targets WHERE month = '2026-11'),
  (SELECT sum(received) FROM rec),
  (SELECT sum(amount) FROM inv),
  (SELECT sum(amount - paid) FROM inv),
  (SELECT sum(amount - paid) FROM inv WHERE due < '2026-11-23'),
  (SELECT count(*) FROM (SELECT client_id FROM inv UNION SELECT client_id FROM rec)),
  (SELECT sum(length(name)) FROM (SELECT id, name FROM clients));
