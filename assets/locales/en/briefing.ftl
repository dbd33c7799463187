## The one-on-one briefing (`folio report`, Markdown and text, and the
## Review pane): headings, table headers, fixed lines and every sentence
## with values. `src/format/briefing.rs` and `src/format/reason.rs` pick the
## message and give the values.
##
## Values: amounts, percentages and dates come written out ($outstanding,
## $share, $date); counts come as numbers. A count picks its word in a
## selector ({ $n -> [one] ... *[other] ... }); { GROUPED($n) } writes it
## with its thousands grouped (1 095), { $n } alone as bare digits (1095).

briefing-title = One-on-one briefing: { $month }
briefing-as-of = As of { $date } · amounts in { $currency }
briefing-text-title = ONE-ON-ONE BRIEFING { $month } · as of { $date } · { $currency }
briefing-plan = 1. Plan
briefing-target = Target
briefing-received = Received
briefing-expected = Expected
briefing-outstanding = Outstanding
briefing-overdue = Overdue
briefing-attainment = Attainment
briefing-attained = Attained
briefing-forecast = Forecast
briefing-forecast-month-end = Forecast to month end
briefing-days-left = { $days } left. Forecast: { $basis }.
briefing-text-forecast-note = ({ $basis }; { $days } left)
briefing-previous = The previous 11 months
briefing-month = Month
briefing-at-risk = 2. At risk
briefing-no-risk = No client shows a risk signal.
briefing-tier-moves = 3. Tier moves this month
briefing-no-tier-moves = No tier changes this month.
briefing-none = None.
briefing-date = Date
briefing-client = Client
briefing-from = From
briefing-to = To
briefing-reason = Reason
briefing-health = 4. Portfolio health
briefing-time-eaters = Time-eaters (lowest revenue per hour of logged time):
briefing-revenue-per-hour = Revenue per hour
briefing-revenue-12m = Revenue 12m
briefing-minutes-12m = Minutes 12m
briefing-by-tier = Attention against return, by tier:
briefing-tier = Tier
briefing-clients = Clients
briefing-revenue-share = Share of revenue
briefing-minutes-share = Share of your minutes
briefing-text-revenue = revenue
briefing-text-minutes = minutes
briefing-no-lost = No clients lost in the last 12 months.
briefing-lost = Clients lost in the last 12 months:
briefing-next-14-days = 5. Next 14 days
briefing-nothing-due-14 = Nothing due in the next 14 days.
briefing-nothing-due = Nothing due.
briefing-what = What
briefing-detail = Detail
briefing-amount = Amount
briefing-talking-points = 6. Talking points

## Words inside sentences and table cells.

briefing-upcoming-next-step = next step
briefing-upcoming-agreement = agreement
briefing-upcoming-invoice = payment due
briefing-upcoming-birthday = birthday
briefing-gap-goal = goal
briefing-gap-cadence = cadence
briefing-gap-decision-maker = decision maker

# What the forecast counts, wherever it is shown.
briefing-forecast-basis = received + balances of this month's invoices not yet overdue

## Talking points, one message per kind of point.

briefing-point-plan = Plan at { $attainment } with { $days-left ->
    [one] { GROUPED($days-left) } day
   *[other] { GROUPED($days-left) } days
} left; { $outstanding } { $currency } outstanding from { $clients ->
    [one] { GROUPED($clients) } client
   *[other] { GROUPED($clients) } clients
}, forecast { $forecast } ({ briefing-forecast-basis }).
briefing-point-no-target = No target set for { $month }: received { $received } { $currency } so far, forecast { $forecast }.
briefing-point-gold-not-contacted = Gold client { $client } not contacted for { $days ->
    [one] { GROUPED($days) } day
   *[other] { GROUPED($days) } days
} (cadence { $cadence }).
briefing-point-gold-never-contacted = Gold client { $client } never contacted (cadence { $cadence }).
briefing-point-overdue-receivables = { $total } { $currency } overdue receivables across { $clients ->
    [one] { GROUPED($clients) } client
   *[other] { GROUPED($clients) } clients
}; largest: { $largest } ({ $largest-amount }).
briefing-point-concentration = { $client } brings { $share } of 12-month revenue: a concentration risk to plan for.
briefing-point-tier-move = Tier move: { $client } { $from } → { $to } ({ $reason }).
briefing-point-going-quiet = { $client } is going quiet: fewer touchpoints, revenue not growing.
briefing-point-time-eater = Time-eater: { $client } earns { $amount } { $currency } per hour of your time ({ $minutes } min in 12 months); renegotiate the format of work?
briefing-point-grow = Grow { $client } ({ $tier }): revenue up { $growth }% over the last 3 months; discuss the next step of the relationship.
briefing-point-clients-lost = { $count ->
    [one] { GROUPED($count) } client
   *[other] { GROUPED($count) } clients
} lost in 12 months: { $clients }.
# One of the clients in the list above (joined with "; ").
briefing-point-lost-client = { $client } ({ $reason })

## The detail of an item of the next 14 days.

briefing-due-agreement-ours = { $text } (ours)
briefing-due-agreement-theirs = { $text } (theirs)
briefing-due-invoice = expected payment for { $month }
briefing-due-birthday = { $contact }, { $role }

## Portfolio health. $warning is "yes" when one client brings over 40 %.

briefing-concentration = Largest client: **{ $client }**, { $share } of 12-month revenue ({ $revenue } { $currency }); { $top } of { $clients ->
    [one] { GROUPED($clients) } client
   *[other] { GROUPED($clients) } clients
} { $top ->
    [one] makes
   *[other] make
} 80% of revenue.{ $warning ->
    [yes] {" "}**Warning: over 40% from one client.**
   *[no] {""}
}
briefing-concentration-text = Largest client { $client }: { $share } of revenue; { $top ->
    [one] { GROUPED($top) } client makes
   *[other] { GROUPED($top) } clients make
} 80%{ $warning ->
    [yes] {"  "}WARNING: over 40%
   *[no] {""}
}
briefing-no-revenue = No revenue in the last 12 months.
briefing-time-eater-line = Time-eater { $client }: { $amount } per hour ({ GROUPED($minutes) } min)
briefing-lost-line = { $client } on { $date }: { $reason }
briefing-lost-line-text = Lost { $client } on { $date }: { $reason }

## Why a client is at risk (after its name, lower case).

reason-past-cadence = no touchpoint for { $days ->
    [one] { GROUPED($days) } day
   *[other] { GROUPED($days) } days
} (cadence { $cadence ->
    [one] { GROUPED($cadence) } day
   *[other] { GROUPED($cadence) } days
}, { $over } over)
reason-never-contacted = never contacted (cadence { $cadence ->
    [one] { GROUPED($cadence) } day
   *[other] { GROUPED($cadence) } days
}, { $over ->
    [one] { GROUPED($over) } day
   *[other] { GROUPED($over) } days
} over)
reason-overdue-agreements = overdue agreements: { $theirs ->
    [0] { $ours } of ours
   *[other] { $ours ->
        [0] { $theirs } of theirs
       *[other] { $ours } of ours, { $theirs } of theirs
    }
}
reason-broken-agreements = { $count ->
    [one] { GROUPED($count) } broken agreement
   *[other] { GROUPED($count) } broken agreements
} in { $days ->
    [one] { GROUPED($days) } day
   *[other] { GROUPED($days) } days
} ({ $by-client } by the client, { $by-us } by us)
reason-overdue-receivables = { $amount } overdue receivables
reason-revenue-down = revenue down: { $last } in the last 3 months vs { $previous } in the 3 before
reason-silent-decline = going quiet: { $last ->
    [one] { GROUPED($last) } touchpoint
   *[other] { GROUPED($last) } touchpoints
} in 60 days vs { $previous } before, revenue not growing
reason-single-thread = single thread: only one contact
reason-single-thread-no-decision-maker = single thread: { $contacts ->
    [one] { GROUPED($contacts) } contact
   *[other] { GROUPED($contacts) } contacts
}, no decision maker known
# $missing: the gaps' words above, joined with ", ".
reason-onboarding-gaps = onboarding (day { $days }): missing { $missing }
