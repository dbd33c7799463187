## The TUI's chrome: pane names, header, tabs, footer, help.

pane-portfolio = Portfolio
pane-touchpoints = Touchpoints
pane-agreements = Agreements
pane-plan = Plan
pane-review = Review

tui-too-small = terminal too small: { $width }x{ $height } (folio needs { $min-width }x{ $min-height })
tui-demo-title = demo portfolio
tui-read-only = { $file } (read-only)
tui-today = today { $date }
tui-no-target = no target
# The month's line in the header: "Dec 2026 plan 72.35% (received 1 200.00 of 1 650.00)".
tui-header-plan = { $month } plan { $attainment } (received { $received } of { $target })
tui-card-tab = Client card (Esc: back)
tui-filter = filter:
tui-form-keys = Tab: next field · Enter: save · Esc: cancel
tui-confirm = Confirm
tui-help-title = Keys: { $pane }
tui-help-title-card = Keys: client card
tui-help-close = ?/Esc/q close
tui-help-scroll = j/k scroll · { $from }-{ $to } of { $total } · ?/Esc/q close
tui-help-board = The board
tui-help-mouse = The mouse
mouse-click = click
mouse-click-help = selects a tab, row or column; double: Enter
mouse-wheel = wheel
mouse-wheel-help = scrolls the list or card under the pointer
mouse-drag = Shift-drag
mouse-drag-help = selects text in most terminals (mouse on)

## The keys' help words: the footer shows the words before " (".

key-panes = portfolio, touchpoints, agreements, plan, review
key-next-pane = next / previous pane
key-picker = jump to a client by name (letters in order)
key-reload = reload from the file
key-undo = undo the last change (up to 20)
key-help = help
key-suspend = suspend (back with fg)
key-quit = quit
key-move = move down / up
key-first-last = first / last row
key-page = page down / up
key-open-card = open the client card
key-tier-column = previous / next tier column
key-add-client-here = add a client (in this column)
key-edit-client = edit the client
key-change-tier-reason = change the client's tier (with a reason)
key-change-status-client = change the client's status (active, paused, churned)
key-sort = sort by revenue, neglect, name
key-delete-client = delete the client (asks first)
key-filter-name = filter by name (Esc clears)
key-clear-filter = clear the filter
key-open-its-card = open its client's card
key-add-touchpoint = log a touchpoint
key-edit-touchpoint = edit the touchpoint
key-delete-touchpoint = delete the touchpoint (asks first)
key-client-scope = all clients / only the client selected on the board
key-filter-log = filter the log (Esc clears)
key-mark-kept = mark kept
key-mark-broken = mark broken
key-mark-cancelled = mark cancelled
key-add-agreement = add an agreement
key-edit-agreement = edit the agreement
key-delete-agreement = delete the agreement (asks first)
key-filter-agreements = filter the agreements (Esc clears)
key-month = previous / next month
key-set-target = set the month's target
key-add-payment = record a payment received
key-add-invoice = add an expected payment
key-section = previous / next section (j/k scroll it)
key-open-risk-card = open the at-risk client's card
key-write-report = write the briefing as Markdown (asks where)
key-add-client = add a client
key-figure-rows = rows (the invoices or payments behind the figure)
key-card = card (the client's card)
key-to-figures = above the first client: the month's figures (Enter lists their rows)
key-edit-client-details = edit the client's details
key-edit-row = edit it (the payment or expected payment)
key-delete-row = delete it (asks first)
key-back-figures = back to the figures
key-day-show = show the day's payments
key-day-hide = hide the day's payments
key-day-hide-them = hide them
key-back-list = back to the list
key-scroll-down-up = scroll down / up
key-card-top-end = top / end of the card
key-add-contact = add a contact person
key-next-contact = mark the next contact (▸)
key-edit-contact = edit the marked contact
key-delete-contact = delete the marked contact (asks first)
key-change-tier = change tier
key-change-status = change status (active, paused, churned)
key-keep-filter = keep the filter
key-clear-it = clear it
key-move-list = move in the list
key-delete-letter = delete a letter
key-delete-word = delete a word
key-delete-all = delete it all
key-pick-open = open the client's card
key-cancel = cancel
key-move-matches = move in the matches
key-save = save
key-next-field = next / previous field
key-cursor = move the cursor; a choice: the other values
key-field-home-end = start / end of the field
key-delete-before = delete before the cursor
key-delete-under = delete under the cursor
key-complete = complete the client's name
key-delete-to-start = delete to the start
key-yes = yes
key-no = no (so does any other key)
key-scroll = scroll
key-top-end = top / end
key-close-help = close help

## Said on stderr when a demo's TUI ends.
tui-demo-farewell = This was the demo: its changes are gone. Keep one with `folio demo --db FILE`.
# The config file cannot be read: its error (naming the file and line), then this.
tui-config-broken = { $error } (using the defaults)

## The domain's words on screen (src/tui/words.rs).
tui-tier-gold = gold
tui-tier-potential = potential
tui-tier-toxic = toxic
tui-status-active = active
tui-status-paused = paused
tui-status-churned = churned
tui-kind-call = call
tui-kind-meeting = meeting
tui-kind-email = email
tui-kind-message = message
tui-kind-report = report
tui-kind-other = other
tui-owner-us = us
tui-owner-client = client
tui-agreement-open = open
tui-agreement-kept = kept
tui-agreement-broken = broken
tui-agreement-cancelled = cancelled

## Said in any pane.
tui-loading = loading…
tui-no-match = no match
tui-nothing-to-edit = nothing to edit here
tui-nothing-to-delete = nothing to delete here

## The board.
board-legend-roomy = 2nd line: revenue 12m · share · days since the last touch (~ due, ! past cadence) · agreements: overdue · broken
board-legend-narrow = revenue · share · days since touch (~ due, ! past cadence) · agr.: late, br
board-legend-line2 = 2nd line
board-legend-line2-help = revenue 12m, share, days since last touch, agreements
board-legend-due = ~
board-legend-due-help = a touch is due today (the client's cadence)
board-legend-past = !
board-legend-past-help = past cadence: longer without a touch than the cadence
board-legend-never-help = no touchpoint yet
board-legend-overdue-help = open agreements past their due date (narrow: late)
board-legend-broken-help = agreements marked broken (narrow: br)
board-never = never
board-agr-overdue = agr. overdue
board-late = late
board-broken = broken
board-br = br
board-sort = sort: { $sort }
board-sorted = sorted by { $sort }
board-sort-revenue = revenue
board-sort-neglect = neglect
board-sort-name = name
board-empty = no clients
board-empty-focused = no clients: a adds one

## The client card.
card-title = Client card · j/k scroll · e edit · t tier · Esc back
card-no-contacts-yet = no contacts yet: a adds one
card-one-contact = one contact person: E and D act on it
card-no-contact-to-edit = no contact to edit
card-no-contact-to-delete = no contact to delete
card-delete-contact = Delete contact { $name }? y/n
card-decides = decides
card-birthday = birthday
card-since = since { $date }
card-cadence-line = cadence { $cadence } · channel { $channel } · goal: { $goal }
card-no-goal = - (not agreed yet)
card-aliases = also written as:
card-notes = notes:
card-never-touched = never touched
card-since-touch = { $days } since last touch
card-since-touch-due = { $days } since last touch (due)
card-since-touch-past = { $days } since last touch (past cadence)
card-money-line = revenue 12m { $revenue } { $currency } (share { $share }) · lifetime { $lifetime } · outstanding { $outstanding } ·{" "}
card-overdue = overdue { $amount }
card-time-line = {" "}· { $minutes } min in 12m · per hour { $per-hour }
card-contacts = Contacts
card-no-contacts = none: a single thread is a risk
card-tier-history = Tier history
card-recent-touchpoints = Recent touchpoints ({ $shown } of { $total })
card-by = by
card-agreement-overdue = OVERDUE
card-due = due
card-invoices = Expected payments (newest first)
card-balance = balance
card-payments = Payments (newest first)
card-minutes = { $n }m
tui-searching = searching…
# A list's place in its title: "3 of 120", "3 of 100+ (counting…)".
tui-position = { $at } of { $total }
tui-position-counting = { $at } of { $total }+ (counting…)

## The touchpoint log.
log-all-clients = all clients
log-only = only { $name }
log-select-client-first = select a client on the board first
log-delete = Delete touchpoint of { $date } «{ $summary }»? y/n
log-date = Date
log-client = Client
log-kind = Kind
log-min = Min
log-summary = Summary
log-next-step = Next step
log-due = Due
log-empty = no touchpoints yet: press a to log one
log-no-match = no touchpoint matches the filter

## The agreements.
agr-mark = Mark «{ $text }» as { $status }? y/n
agr-already = already { $status }
agr-none-selected = no agreement selected
agr-delete = Delete agreement «{ $text }»? y/n
agr-tally = { $open } open, { $overdue } overdue · { $shown } shown
agr-status = Status
agr-owed-by = Owed by
agr-agreement = Agreement
agr-made = Made
agr-closed = Closed

## The plan.
plan-figure-edit = Enter lists the records behind the figure; e and x act on one
plan-target = Target
plan-received = Received
plan-expected = Expected
plan-outstanding = Outstanding
plan-overdue = Overdue
plan-forecast = Forecast
plan-all-overdue = All overdue
plan-no-target = - (p to set)
plan-all-months = all months
plan-forecast-note = forecast: received + balances not yet overdue
# The figures' title: "Dec 2026 · RUB · 27 days left  [ ] month".
plan-title = { $month } · { $currency } · { $left } left  [ ] month
plan-clients-in = Clients in { $month }
plan-col-expected = Expected
plan-col-received = Received
plan-col-outstanding = Outstanding
plan-col-overdue = Overdue
plan-col-forecast = Forecast
plan-col-revenue = Revenue 12m
plan-col-share = Share 12m
plan-history = { $n } months: received █ vs target │

## The rows behind a Plan figure.
rows-delete-invoice = Delete the expected payment of { $amount } from { $client } for { $month }, due { $due }? y/n
rows-delete-payment = Delete the payment of { $amount } from { $client } on { $date }? y/n
rows-payments = { $n ->
    [one] 1 payment
   *[other] { $n } payments
}
rows-invoices = { $n ->
    [one] 1 invoice
   *[other] { $n } invoices
}
rows-title = { $figure } in { $month } · { $what }
rows-back = Esc: back
rows-bottom = { $at } of { $total } · total { $amount } · Esc: back
rows-no-payments = no payments behind this figure
rows-no-invoices = no invoices behind this figure
rows-amount = Amount
rows-note = Note
rows-balance = Balance
rows-paid = paid
rows-late = { $days }d late

## Toasts after a change, and what `u` would undo ("Undid: ...").
toast-agreement-reopened = agreement «{ $text }» open again
toast-agreement-marked = agreement marked { $status }
toast-new-client-removed = new client { $name } (removed)
toast-added-client = added { $name }
toast-edit-of = edit of { $name }
toast-saved-client = Saved { $name }
toast-tier-back = tier of { $name } back to { $was }
toast-tier-of = tier of { $name }
toast-status-back = status of { $name } back to { $was }
toast-status-of = status of { $name }
toast-is-now = { $name } is now { $now }
toast-new-contact-removed = new contact { $name } for { $client } (removed)
toast-added-contact = Added contact { $name } for { $client }
toast-saved-contact = Saved contact { $name } for { $client }
toast-edit-of-contact = edit of contact { $name } for { $client }
toast-new-touchpoint-removed = new touchpoint for { $client } (removed)
toast-saved-touchpoint = Saved touchpoint for { $client }
toast-edit-of-touchpoint = edit of the touchpoint for { $client }
toast-new-agreement-removed = new agreement with { $client } (removed)
toast-saved-agreement = Saved agreement with { $client }
toast-edit-of-agreement = edit of the agreement with { $client }
toast-target = target for { $month }: { $amount }
toast-new-payment-removed = payment of { $amount } from { $client } (removed)
toast-recorded-payment = Recorded payment of { $amount } from { $client }
toast-saved-payment = Saved payment of { $amount } from { $client }
toast-edit-of-payment = edit of the payment from { $client }
toast-saved-invoice = Saved expected payment of { $amount } from { $client } for { $month }
toast-edit-of-invoice = edit of the expected payment from { $client }
toast-new-invoice-removed = expected payment of { $amount } from { $client } (removed)
toast-expecting = Expecting { $amount } from { $client } for { $month }
toast-nothing-changed = Nothing changed
toast-deleted-client-backup = deleted { $name } (backup: { $backup })
toast-deleted-client = deleted { $name }
toast-delete-of-client = delete of the client of { $client }
toast-delete-of-contact = delete of the contact of { $client }
toast-delete-of-touchpoint = delete of the touchpoint of { $client }
toast-delete-of-agreement = delete of the agreement of { $client }
toast-delete-of-payment = delete of the payment of { $client }
toast-delete-of-invoice = delete of the invoice of { $client }
toast-deleted-client-kind = client deleted
toast-deleted-contact = contact deleted
toast-deleted-touchpoint = touchpoint deleted
toast-deleted-agreement = agreement deleted
toast-deleted-payment = payment deleted
toast-deleted-invoice = invoice deleted
toast-undid = Undid: { $what }

## The review.
review-building = building the briefing…
review-at-risk = At risk
review-no-risk = No client shows a risk signal.
review-points = Talking points
review-no-points = nothing to talk about
review-moves = Tier moves
review-no-moves = none this month
review-next = Next 14 days
review-nothing-due = nothing due
review-payments-due = { $n } payments due
review-month-left = { $month } · { $left } left
review-attainment = { $percent } of { $target }
review-received = received
review-expected = expected
review-outstanding = outstanding
review-overdue = overdue
review-forecast = forecast
review-forecast-note = forecast = received + balances not yet overdue
review-chart = 12 months: attainment %, ─ 100 %
review-write-exists = { $path } exists. Replace it? y/n
review-write-symlink = { $path } is a symbolic link. Write to the file it points to? y/n
review-wrote = wrote { $path }

## The picker: jump to a client by name.
picker-title = Jump to a client ({ $found }/{ $all })
picker-keys = ↑↓ move · Enter open · Esc close
picker-none = no client matches

## Forms: the fields' labels (src/tui/words.rs), yes/no choices, titles.
form-agreement = Agreement
form-amount = Amount
form-birthday = Birthday
form-cadence = Cadence (days)
form-channel = Channel
form-client = Client
form-date = Date
form-decides = Decides
form-due = Due
form-email = Email
form-file = File
form-goal = Goal
form-kind = Kind
form-made-on = Made on
form-minutes = Minutes
form-month = Month
form-name = Name
form-next-due = Next due
form-next-step = Next step
form-note = Note
form-notes = Notes
form-on = On
form-owed-by = Owed by
form-person = Person
form-phone = Phone
form-reason = Reason
form-role = Role
form-since = Since
form-status = Status
form-summary = Summary
form-target = Target
form-tier = Tier
form-yes = yes
form-no = no
form-title-add-client = Add a client
form-title-edit-client = Edit { $name }
form-title-change-tier = Change tier: { $name }
form-title-change-status = Change status: { $name }
form-title-edit-contact = Edit contact { $name }
form-title-add-contact = Add a contact at { $name }
form-title-add-payment = Record a payment
form-title-edit-payment = Edit payment
form-title-add-invoice = Add an expected payment
form-title-edit-invoice = Edit expected payment
form-title-target = Target for { $month }
form-title-edit-touchpoint = Edit touchpoint
form-title-add-touchpoint = Log a touchpoint
form-title-edit-agreement = Edit agreement
form-title-add-agreement = Record an agreement
form-title-write-briefing = Write the briefing to
form-required = required
form-too-long = too long
form-required-date = required (YYYY-MM-DD or DD.MM.YYYY)
form-no-such-client = no such client
tui-cancelled = cancelled
tui-nothing-to-filter = nothing to filter here
tui-nothing-to-undo = Nothing to undo
tui-no-client-selected = no client selected
board-delete-client = Delete client { $name } and all its records? u cannot undo this; a client with records is copied first, for folio restore. y/n
