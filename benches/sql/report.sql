-- The aggregates `folio report` reads, as plain SQL over the same file
-- (today 2026-11-23, month 2026-11): client signals over 12 months, the
-- 12 months of invoices with settlement totals, receivables per client,
-- windows for decline signals, agreements, contacts, next steps.
SELECT count(*) FROM clients;
SELECT count(*), sum(x) FROM (SELECT c.id, (SELECT max(t.at) FROM touchpoints t WHERE t.client_id = c.id AND t.at <= '2026-11-23') AS x FROM clients c);
SELECT count(*), sum(m) FROM (SELECT client_id, total(minutes) m FROM touchpoints WHERE at > '2025-11-23' AND at <= '2026-11-23' GROUP BY client_id);
SELECT count(*), sum(s) FROM (SELECT client_id, sum(amount) s, count(*) FROM payments WHERE paid_on > '2025-11-23' AND paid_on <= '2026-11-23' GROUP BY client_id);
SELECT count(*), sum(paid_total) FROM clients WHERE paid_total <> 0;
SELECT count(*), sum(length(text)) FROM agreements;
SELECT count(*), sum(b) FROM (SELECT c.id, coalesce((SELECT i.billed_before + i.amount FROM invoices i WHERE i.client_id = c.id AND i.due < '2026-11-23' ORDER BY i.due DESC, i.month DESC, i.id DESC LIMIT 1), 0) - c.paid_total AS b FROM clients c);
SELECT count(*), sum(min(i.amount, max(0, c.paid_total - i.billed_before))) FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.month BETWEEN '2025-12' AND '2026-11';
SELECT count(*), sum(s) FROM (SELECT client_id, substr(paid_on, 1, 7) m, sum(amount) s FROM payments WHERE paid_on >= '2025-12-01' AND paid_on <= '2026-11-30' GROUP BY client_id, m);
SELECT count(*) FROM (SELECT client_id, sum(CASE WHEN paid_on <= '2026-08-23' THEN amount END), sum(CASE WHEN paid_on > '2026-08-23' THEN amount END) FROM payments WHERE paid_on > '2026-05-23' AND paid_on <= '2026-11-23' GROUP BY client_id);
SELECT count(*) FROM (SELECT client_id, sum(at <= '2026-09-24'), sum(at > '2026-09-24') FROM touchpoints WHERE at > '2026-07-26' AND at <= '2026-11-23' GROUP BY client_id);
SELECT count(*) FROM contacts;
SELECT count(*) FROM touchpoints WHERE next_due BETWEEN '2026-11-23' AND '2026-12-07' AND next_step IS NOT NULL;
