## What the command line prints (src/cli/): tables, cards, confirmations.
## The English is pinned by tests: change it only with them.

## Table headers.

cli-col-id = Id
cli-col-client = Client
cli-col-tier = Tier
cli-col-status = Status
cli-col-revenue-12m = Revenue 12m
cli-col-share = Share
cli-col-last-touch = Last touch
cli-col-cadence = Cadence
cli-col-overdue = Overdue
cli-col-broken = Broken
cli-col-person = Person
cli-col-role = Role
cli-col-decides = Decides
cli-col-phone = Phone
cli-col-email = Email
cli-col-birthday = Birthday

## Words in cells.

cli-never = never
cli-yes = yes
cli-minutes-short = min

## folio client ...

cli-client-added = Added client { $name } ({ $tier }, id { $id })
cli-no-clients = No clients yet. Add one with `folio client add NAME`.
cli-client-list-legend = Amounts in { $currency }. Last touch: days since; ! past cadence, ~ due today.
cli-client-updated = Updated client { $name } (id { $id })
cli-client-tier-changed = { $name }: tier { $from } -> { $to } ({ $reason })
cli-client-status-changed = { $name }: status { $from } -> { $to } ({ $reason })
cli-client-has-records = { $name } has { $records } (touchpoints, agreements, money, contacts); add --force to delete them all
cli-client-deleted-kept = Deleted client { $name } and { $records }; the file before the delete is kept as { $file }
cli-client-deleted = Deleted client { $name }
cli-contact-added = Added contact { $person } at { $client } (id { $id })
cli-contact-added-decides = Added contact { $person } at { $client } (id { $id }), decision maker
cli-contact-updated = Updated contact { $person } at { $client } (id { $id })
cli-contact-deleted = Deleted contact { $id }
cli-no-contacts = No contacts.
cli-alias-added = Added alias { $alias } to { $name }
cli-no-aliases = { $name } has no aliases. Add one with `folio client alias add`.
cli-alias-removed = Removed alias { $alias } from { $name }

## folio client show: the card.

cli-card-since = since { $since } · cadence { $cadence } · channel { $channel }
cli-card-inn = ИНН { $inn } · also written as: { $aliases }
cli-card-goal = goal: { $goal }
cli-card-notes = notes: { $notes }
cli-card-money = Revenue 12m { $revenue } (share { $share }), lifetime { $lifetime }; outstanding { $outstanding }, overdue { $overdue }
cli-card-time = Last touch { $last } · { $minutes } min logged in 12m · revenue per hour { $per-hour }
cli-card-agreements = Agreements: { $open } open ({ $overdue } overdue), { $kept } kept, { $broken } broken
cli-card-contacts = Contacts
cli-card-tier-history = Tier history
cli-card-status-history = Status history
cli-card-touchpoints = Recent touchpoints ({ $shown } of { $total })
cli-card-by = (by { $date })
cli-card-due = due
cli-card-agreements-title = Agreements
cli-card-invoices = Expected payments (newest 12)
cli-card-balance = balance
cli-card-payments = Payments (newest 12)

## folio touch ... and folio agree ...

cli-col-date = Date
cli-col-kind = Kind
cli-col-minutes = Min
cli-col-summary = Summary
cli-col-next-step = Next step
cli-col-due = Due
cli-col-owner = Owner
cli-col-made = Made
cli-col-agreement = Agreement
cli-touch-added = Logged { $kind } with { $client } on { $date } (id { $id })
cli-no-touchpoints = No touchpoints.
cli-touch-list-more = Showing the newest { $shown } of { $total }; --limit 0 shows all.
cli-touch-updated = Updated touchpoint { $id }: { $kind } with { $client } on { $date }
cli-touch-deleted = Deleted touchpoint { $id }
cli-agree-due = , due { $date }
cli-agree-added = Recorded agreement { $id } with { $client } (owed by { $owner }{ $due })
cli-agree-updated = Updated agreement { $id } with { $client } (owed by { $owner }{ $due }, { $status })
cli-agree-closed = Agreement { $id } closed as { $status }
cli-no-agreements = No agreements.
cli-agree-overdue = OVERDUE
cli-agree-deleted = Deleted agreement { $id }

## folio plan ..., folio invoice ..., folio pay ...

cli-col-month = Month
cli-col-target = Target
cli-col-expected = Expected
cli-col-received = Received
cli-col-attainment = Attainment
cli-col-outstanding = Outstanding
cli-col-amount = Amount
cli-col-balance = Balance
cli-col-note = Note
cli-plan-set = Target for { $month }: { $amount }
cli-plan-title = Plan { $month } ({ $currency }) · today { $today }, { $left } left
cli-plan-target = Target
cli-plan-received = Received
cli-plan-expected = Expected
cli-plan-outstanding = Outstanding
cli-plan-overdue = Overdue
cli-plan-forecast = Forecast
cli-plan-no-target = no target set (folio plan set { $month } AMOUNT)
cli-plan-of-target = { $percent } of target
cli-plan-no-attainment = attainment: -
cli-plan-expected-note = invoices for the month
cli-plan-outstanding-note = what those invoices still lack
cli-plan-overdue-note = of it, past due
cli-plan-forecast-note = received + balances of this month's invoices not yet overdue
cli-plan-empty = No invoices or payments in this month.
cli-invoice-added = Expected payment { $id } from { $client }: { $amount } for { $month }, due { $due }
cli-invoice-updated = Updated expected payment { $id } from { $client }: { $amount } for { $month }, due { $due }
cli-invoice-deleted = Deleted expected payment { $id }
cli-no-invoices = No expected payments.
cli-invoice-overdue = overdue
cli-invoice-paid = paid
cli-payment-added = Payment { $id } from { $client }: { $amount } on { $date }
cli-payment-updated = Updated payment { $id } from { $client }: { $amount } on { $date }
cli-payment-deleted = Deleted payment { $id }
cli-no-payments = No payments.
cli-payments-total = Total { $total } ({ $payments })

## folio import, export, report, backup, check, config, demo, gen

cli-col-rows = Rows
cli-col-sum = Sum
cli-total = Total
cli-standard-input = standard input
cli-importing = importing
cli-exporting = exporting…
cli-generating = generating
cli-import-statement-only = --profile and --incoming-only read bank statements: use them with `import payments`
cli-cannot-read = cannot read { $file }
cli-cannot-read-sheet = cannot read { $file }; nothing was written
cli-not-a-sheet = { $file } is not an .xlsx or .xls spreadsheet; --sheet is for those
cli-import-failed = import of { $file } failed; nothing was written
cli-import-failed-profile = import of { $file } with profile '{ $profile }' failed; nothing was written
cli-import-done = Imported { $rows } from { $file }
cli-import-would = Would import { $rows } from { $file }
cli-import-sheet = Read sheet '{ $sheet }'.
cli-import-onec = Read as a 1C client-bank exchange file: incoming documents only.
cli-import-already-there = Left out { $rows } already in the portfolio (--allow-duplicates imports them again).
cli-import-header-row = The header is on row { $at }: skipped { $skipped } above it.
cli-import-header-line = The header is on line { $at }: skipped { $skipped } above it.
cli-import-created = Created { $clients }: { $names }
cli-import-would-create = Would create { $clients }: { $names }
cli-import-dry-run = Dry run: nothing was written.
cli-preview-by-client-month = By client and month:
cli-preview-the-row = The row as it would be stored:
cli-preview-first-rows = The first { $rows } as they would be stored:
cli-exported = Exported { $rows } to { $file }
cli-report-written = Wrote the { $month } briefing to { $file }
cli-backup-failed = cannot write the backup to { $file }
cli-backup-done = Backed up { $db } to { $file }
cli-check-ok = { $db }: ok
cli-check-problems = { $db } has { $problems }
cli-config-no-such-setting = no such portfolio setting
cli-config-set = { $key } = { $value } (in { $file })
cli-demo-where = say where to write the demo: folio demo --db PATH (or try `folio --demo`)
cli-demo-not-empty = { $file } already holds a portfolio; the demo goes only into a new or empty file
cli-demo-written = Wrote the demo portfolio ({ $clients }, today { $today }) to { $file }
cli-gen-where = say where to write: folio gen --db PATH
cli-gen-done = Generated { $clients }, { $touchpoints }, { $agreements }, { $invoices }, { $payments } over { $months } months in { $seconds } s into { $file }

## folio summary (bare `folio` piped)

cli-summary-title = folio · { $db } · { $month } · today { $today }
cli-summary-title-demo = folio · { $db } (demo) · { $month } · today { $today }
cli-summary-no-clients = No clients yet. Add one with `folio client add NAME`, or try `folio --demo`.
cli-summary-plan = Plan: received { $received } of { $target } { $currency } ({ $attainment }), forecast { $forecast } · outstanding { $outstanding }, overdue { $overdue }
cli-summary-plan-no-target = Plan: received { $received } of no target { $currency } ({ $attainment }), forecast { $forecast } · outstanding { $outstanding }, overdue { $overdue }
cli-summary-receivables = Receivables overdue (all months): { $overdue }
cli-summary-tier-count = { $n } { $tier }
cli-summary-clients = Clients: { $counts }
cli-summary-concentration = Concentration: largest client { $share } of 12-month revenue; { $clients } make 80%
cli-summary-attention = Needs attention:

## Statement rows left out (io::profile::Skipped): $n rows, their $sum,
## the $value of a status or currency.

skip-outgoing = { $n } outgoing { $n ->
        [one] row
       *[other] rows
    } skipped: { $sum }
skip-zero = { $n } { $n ->
        [one] row
       *[other] rows
    } with a zero amount skipped
skip-status = { $n } { $n ->
        [one] row
       *[other] rows
    } with status '{ $value }' skipped: { $sum }
skip-currency = { $n } { $n ->
        [one] row
       *[other] rows
    } in { $value } skipped: { $sum }

## folio restore, folio backups

cli-restore-demo = the demo portfolio is temporary; restore into a portfolio file (--db PATH or the default one)
cli-restore-cannot-open = cannot restore into { $db }; if it is damaged, move it aside and run the restore again
cli-restored = Restored { $db } from { $file } (schema version { $version })
cli-restore-kept = The portfolio before the restore is kept as { $file }
cli-restore-nothing-before = There was no portfolio there before: no copy of it to keep.
cli-restore-not-upgraded = restored { $db } from { $file }, but could not upgrade it to this folio's schema
cli-backups-demo = The demo portfolio is temporary and has no backup copies.
cli-backups-cannot-list = cannot list the copies of { $db }
cli-backups-none = No backup copies of { $db } yet; `folio backup` writes one.
cli-backups-title = { $n } backup { $n ->
        [one] copy
       *[other] copies
    } of { $db }, newest first, in { $folder }:
cli-backups-modified = Modified
cli-backups-size = Size
cli-backups-kind = Kind
cli-backups-file = File
cli-backups-restore-hint = Restore one with `folio restore FILE`.
cli-copy-backup = backup
cli-copy-migration = migration
cli-copy-delete = delete
cli-copy-before-restore = before restore
cli-copy-other = other

## The reasons folio writes itself in a new client's history (format::words).

history-initial-tier = initial tier
history-client-added = client added

## Old copies pruned after a delete (stderr), and a statement profile's fault.

cli-pruned = removed { $n } old backup { $n ->
        [one] copy
       *[other] copies
    } (keeping the newest { $keep }): { $names }
note-tightened = made { $file } private to its owner (its mode was { $mode }; client records are not for other users)
note-migrated = upgraded { $file } from schema version { $from } to { $to }; the previous file is kept as { $backup }
cli-prune-failed = could not remove the old backup copy { $file }: { $error }
cli-profile-error = profile '{ $profile }': { $error }
cli-input-too-large = { $file } is larger than { $limit }; folio reads at most { $limit } from one import
