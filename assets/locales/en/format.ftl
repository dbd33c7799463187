## Counted nouns: `format::count` puts the number before them.
## $n chooses the plural form.

noun-agreement = { $n ->
    [one] agreement
   *[other] agreements
}
noun-bad-row = { $n ->
    [one] bad row
   *[other] bad rows
}
noun-client = { $n ->
    [one] client
   *[other] clients
}
noun-day = { $n ->
    [one] day
   *[other] days
}
noun-invoice = { $n ->
    [one] invoice
   *[other] invoices
}
noun-line = { $n ->
    [one] line
   *[other] lines
}
noun-new-client = { $n ->
    [one] new client
   *[other] new clients
}
noun-payment = { $n ->
    [one] payment
   *[other] payments
}
noun-problem = { $n ->
    [one] problem
   *[other] problems
}
noun-record = { $n ->
    [one] record
   *[other] records
}
noun-row = { $n ->
    [one] row
   *[other] rows
}
noun-touchpoint = { $n ->
    [one] touchpoint
   *[other] touchpoints
}
