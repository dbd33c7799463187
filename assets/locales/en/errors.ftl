## Errors, as `format::errors` words them. English is also each error
## type's Display (its `#[error]`): a test in src/format/errors.rs builds
## every variant and checks that these messages read exactly as it does,
## so the two cannot drift apart. Values come quoted and escaped by the code.

## Domain values typed or read from a file.
date-empty = date is empty
date-invalid = '{ $value }' is not a date (use YYYY-MM-DD or DD.MM.YYYY)
month-invalid = '{ $value }' is not a month (use YYYY-MM or MM.YYYY)
money-empty = amount is empty
money-invalid = '{ $value }' is not an amount (use digits, e.g. 1250000.50 or 1 250 000,50)
money-too-many-decimals = '{ $value }' has more than two digits after the decimal separator
money-ambiguous = '{ $value }' is ambiguous: write 1250 or 1,25 (a lone comma before three digits)
money-negative = '{ $value }' is negative; amounts must be zero or more
money-zero = '{ $value }' must be greater than zero
money-other-currency = '{ $value }' is in { $found }; this portfolio keeps { $expected }
money-overflow = '{ $value }' is too large
## $what is one of the value-* names below, with its article.
unknown-value = '{ $value }' is not { $what } (use one of: { $allowed })
value-tier = a tier
value-status = a status
value-touchpoint-kind = a touchpoint kind
value-owner = an owner
value-agreement-status = an agreement status
## A field and what is wrong with it.
field-problem = { $field }: { $problem }
text-nul = contains a NUL character ({ $code })
text-line-break = must be one line (found a line break, { $code })
text-tab = contains a tab ({ $code }); use spaces
text-carriage-return = contains a carriage return ({ $code }) that does not end a line
text-control = contains the control character { $code }, which folio does not keep

## The system's reasons (English shows them as the system words them).
io-not-found = entity not found
io-permission-denied = permission denied
io-already-exists = entity already exists
io-storage-full = the disk is full (no space left on device)
io-read-only = read-only filesystem or storage medium
io-interrupted = operation interrupted
io-invalid-data = invalid data
io-is-a-directory = is a directory
io-not-a-directory = not a directory
io-directory-not-empty = directory not empty
io-broken-pipe = broken pipe
io-timed-out = timed out
io-unexpected-eof = unexpected end of file
io-file-too-large = file too large
io-other = { $error }

## SQLite's reasons (English shows them as SQLite words them).
sqlite-busy = database is locked
sqlite-full = database or disk is full
sqlite-read-only = attempt to write a readonly database
sqlite-not-a-database = file is not a database
sqlite-corrupt = database disk image is malformed
sqlite-other = { $error }

## Commands on the portfolio.
op-unknown-client = no client named '{ $name }' (see `folio client list`)
op-duplicate-client = a client named '{ $name }' already exists (names are compared ignoring case and invisible characters)
op-not-found = no { $what } with id { $id }
op-busy = the portfolio file is busy (another folio is writing); try again
op-disk-full = the disk is full (or failing): nothing was changed
op-read-only = the file is read-only: nothing was changed
op-read-only-file = the file { $path } is read-only: nothing was changed
op-db = database error: { $error }

## Files folio writes.
out-exists = { $path } already exists; pass --force to replace it
out-portfolio = { $path } is the open portfolio (or its -wal/-shm file); folio never writes over it, even with --force
out-database = { $path } is an SQLite database; folio never writes over one, even with --force (choose another file)
out-symlink = { $path } is a symbolic link; pass --force to write to the file it points to
out-directory = { $path } is a folder, not a file
out-special = { $path } is neither a file, a character device nor a FIFO; folio does not write to it
folder-missing = the folder { $path } does not exist
out-io = cannot write { $path }: { $reason }
out-output = cannot write output: { $reason }

## Opening a portfolio.
open-not-sqlite = { $path } is not a folio database (not an SQLite file); nothing was changed
open-truncated = { $path } is damaged (the file is shorter than its header says: truncated?); nothing was changed
open-foreign = { $path } is a database of another program, not a folio portfolio; nothing was changed
open-newer = { $path } was written by a newer folio (schema version { $found }, this program knows up to { $known }); upgrade folio to open it
open-is-directory = { $path } is a folder, not a portfolio file
open-empty-path = an empty path names no portfolio file; give the path of one
open-not-a-path = '{ $path }' is not a file path: folio keeps a portfolio in a file, not in memory or at an SQLite URI (for a file of that name, write ./{ $path })
open-cannot = cannot open { $path }: { $reason }
open-disk-full = cannot open { $path }: the disk is full (or failing): nothing was changed
open-backup = cannot back up { $path } before migrating it: { $reason }
open-read-only-older = { $path } is an older folio file (schema version { $found }) and is read-only: it must be upgraded before use; make it writable, or copy it, and open it again
open-read-only-empty = { $path } is empty and read-only: folio cannot start a portfolio in it; make it writable
open-read-only-wal = { $path } cannot be read safely: it and its folder are read-only, and immutable mode would ignore the committed records in { $wal }; make the folder writable, or copy both files elsewhere
open-read-only-journal = { $path } cannot be read safely: it and its folder are read-only, and { $journal } holds an interrupted write that must be undone first; make the folder writable and open it again
open-read-only = cannot open { $path }: the file is read-only and SQLite needs to write to read it

## Restoring from a copy.
source-newer = { $path } was written by a newer folio (schema version { $found }, this program knows up to { $known }); upgrade folio to restore it; nothing was changed
source-is-directory = { $path } is a folder, not a portfolio file; nothing was changed
source-missing = { $path } does not exist; nothing was changed
source-unreadable = cannot read { $path }: { $reason }; nothing was changed
source-damaged = { $path } is damaged ({ $problems } found by the integrity check, the first: { $first }); nothing was changed
restore-same-file = { $path } is the portfolio itself; restore from a copy of it (`folio backups` lists them); nothing was changed
restore-no-file = only a portfolio file can be restored into
restore-keep-before = cannot keep a copy of the portfolio as { $path } before the restore: { $reason }; nothing was restored
restore-copy = cannot restore { $from } into { $into }: { $reason }; the portfolio is unchanged

## The person's config file.
config-syntax = { $path }, line { $line }: { $message }
config-read = cannot read { $path }: { $reason }
config-write = cannot write { $path }: { $reason }
config-no-path = no config folder is known on this system; set { $env } to a file
config-value = { $key } is on or off, not '{ $value }'
config-lang = lang is ru, en or auto (the system's locale), not '{ $value }'

## Imports.
import-empty = the file has no header row
import-missing-column = missing required column '{ $column }' in the header (found: { $found }); use --map 'Your header={ $column }' to name it
## $count is "3 bad rows"; $rows one per line.
import-rows = { $count }:
    { $rows }
## $place is what the numbers count: place-line in a file, place-row in a spreadsheet.
import-at = { $place } { $line }: { $message }
place-line = line
place-row = row
import-line-too-long = { $place } { $line }: the line is too long; folio reads lines of at most { $size }
import-ambiguous-dates = { $place } { $line }, column { $column }: '{ $value }' reads both as day/month and as month/day, and no date in the column has a day over 12; use --date-format { $day_first } or --date-format { $month_first }
import-too-large = larger than { $size }; folio reads at most { $size } from one import
size-mib = { $n } MiB
size-bytes = { $n } bytes
decode-not-utf8 = line { $line }: byte 0x{ $byte } is not UTF-8, but { $why }: the file mixes encodings; fix that line, or use --encoding to read the whole file as one encoding
decode-why-bom = the file starts with a UTF-8 byte order mark
decode-why-russian-line = line { $line } holds Russian letters in UTF-8
decode-utf16-without-bom = the file looks like UTF-16 without a byte order mark (a 00 or 04 byte after each letter); use --encoding utf-16
decode-not-utf16 = line { $line }: the file starts as UTF-16 but is not UTF-16 from here; fix the file, or use --encoding
decode-unknown = the file is not UTF-8 (line { $line } is the first that is not), and it does not read as Russian text in cp1251, cp866 or KOI8-R; use --encoding
decode-ambiguous = the file is not UTF-8 (line { $line } is the first that is not), and it reads about as well in { $first } as in { $second }; use --encoding { $first } or --encoding { $second }
## $what is the kind of workbook, as sheet-format-... says it.
sheet-unreadable = cannot read it as { $what }: { $message }
sheet-format-xlsx = an .xlsx workbook
sheet-format-xls = an .xls workbook
sheet-none = it has no sheet to read
sheet-unknown = it has no sheet named '{ $wanted }' (its sheets: { $found }); use --sheet NAME
sheet-problem = sheet '{ $sheet }': { $message }
sheet-too-large = it unpacks to more than { $size }; folio reads at most that from one workbook
profile-unknown = unknown profile '{ $name }' (built in: { $built_in }; yours: { $yours })
profile-none = none
profile-read = cannot read the config file { $path }: { $reason }
profile-toml = the config file { $path } is not valid for profiles: { $message }
profile-invalid = profile '{ $name }': { $message }

## What is wrong with one imported row. $column is the column's name.
row-empty = { $column } is empty
row-no-client-name = client name is empty
row-not-a-date = { $column }: '{ $value }' is not a date (use YYYY-MM-DD or DD.MM.YYYY, or --date-format)
row-other-order = { $column }: '{ $value }' is not a date { $order }, the order of the column's other dates (use --date-format)
date-order-day-month = day/month
date-order-month-day = month/day
row-not-in-format = { $column }: '{ $value }' is not a date in --date-format { $format }
row-cadence = cadence_days '{ $value }' is not a positive whole number of days
row-minutes = minutes '{ $value }' is not a whole number from 0 to { $max } nor a duration HH:MM[:SS]
row-duplicate = duplicate client '{ $name }' (first on line { $first })
row-duplicate-as = duplicate client '{ $name }' (first on line { $first } as '{ $as_written }')
row-too-many-fields = the row has { $used } fields but the header only { $header } (put values that contain '{ $delimiter }' in quotes)
row-too-long = { $column }: field too long ({ $chars } characters; at most { $max })
row-unknown-client = unknown client '{ $name }' (add it first, or import with --create-clients)
row-unnamed = invalid row

## A form's field that does not check (the TUI).
form-whole-number = a whole number from { $min } to { $max }
form-one-of = one of: { $options }

## Why a field is refused (after "field: ").
reason-required = is required
reason-nothing-visible = has nothing visible (only invisible characters such as zero-width spaces)
reason-longer-than = is longer than { $n } characters
reason-at-least-a-day = must be at least 1 day
reason-at-most-days = must be at most { $n } days
reason-at-most = must be at most { $n }
reason-total-too-large = would take the client's total past what folio can store
reason-agreement-already = agreement { $id } is already { $word }
reason-already = { $name } is already { $word }
reason-due-needs-step = needs a next step to be due
reason-open-has-no-close = an open agreement has no closing date
reason-due-before-made = { $due } is before the agreement was made ({ $made })
reason-close-as = close as kept, broken or cancelled
reason-zero-or-more = must be zero or more
reason-above-zero = must be greater than zero
reason-too-large = is too large
reason-currency-code = '{ $code }' is not a three-letter currency code (e.g. RUB, EUR, USD)
reason-deleted-with-copy = is deleted with its backup copy
reason-deleted-client-back = a deleted client comes back from its backup copy (folio restore)
reason-email = '{ $value }' is not an email address: it needs one @ with text before it and a dot after it (ann@example.com)
reason-phone-character = '{ $value }' has '{ $char }': a phone holds only digits, spaces, + - ( )
reason-phone-digits = '{ $value }' has fewer than { $n } digits
reason-inn-taken = { $inn } is already the ИНН of client '{ $name }'
reason-alias-taken = '{ $value }' is already an alias of client '{ $name }'
reason-alias-is-a-name = '{ $value }' is client '{ $name }''s name: a row written so would match both
reason-not-an-alias = '{ $value }' is not an alias of client '{ $name }' (see `folio client alias list`)
reason-alias-empty = has nothing to match by once quotes and the legal form are left out
reason-inn-shape = '{ $value }' is not an ИНН (10 digits for an organisation, 12 for a person)
reason-inn-checksum = '{ $value }' is not a valid ИНН: its check digit is wrong (a typo?)
reason-could-be-either = client '{ $value }' could be '{ $name }' or '{ $other }': add its ИНН to the file, or make it an alias of one (`folio client alias add`)
reason-other-inn = ИНН { $inn } is not that of client '{ $name }' (its ИНН is { $other }): check the row, or the client's ИНН
reason-keeps-id = { $record } { $id } keeps its id
reason-gen-not-empty = the file already holds a portfolio; gen writes only into a new or empty file
reason-briefing-not-saved = a briefing is written, not saved

## The TUI cannot take the terminal (its reason follows).
tui-cannot-start = cannot start the terminal interface

## A file that is not CSV as a whole (after "line N: ").
reason-unclosed-quote = a quoted field starts here and is never closed (unbalanced '"')
reason-column-twice = column '{ $value }' appears more than once in the header
reason-csv = { $error }

## A 1C bank file: its keys are 1C's words.
reason-1c-no-key = the document has no { $key }
reason-1c-empty-key = the document's { $key } is empty
reason-1c-direction = cannot tell whether this document is incoming: the file names no РасчСчет and the document has no ДатаПоступило or ДатаСписано
reason-1c-end-without-start = КонецДокумента without a СекцияДокумент before it
reason-1c-unclosed = the document 'СекцияДокумент={ $value }' starting here has no КонецДокумента

## A flag's value: --map, --date-format, a number's limits.
reason-not-a-map-pair = '{ $value }' is not Header=column (e.g. 'Дата платежа=date')
reason-not-a-column = '{ $value }' is not a column here (use one of: { $allowed })
reason-names-no-header = '{ $value }' names no header
reason-not-a-date-pattern = '{ $value }' is not a date pattern (use e.g. %d.%m.%Y, %d.%m.%y or %m/%d/%Y)
reason-not-a-whole-date = '{ $value }' does not give a whole date (it needs a day, a month and a year: e.g. %d.%m.%Y)
reason-not-in-range = { $value } is not in { $min }..={ $max }
reason-not-a-whole-number = '{ $value }' is not a whole number

## An undo the records no longer allow. $record is a kind of record.
reason-undo-changed = the { $record } was changed elsewhere since; nothing was undone
reason-undo-deleted = the { $record } was deleted elsewhere since; nothing was undone
reason-undo-has-records = the { $record } has records now; nothing was undone
reason-undo-there-again = the { $record } is there again; nothing was undone

## Before a portfolio is opened.
session-no-home = cannot find a home folder to keep the portfolio in; pass --db PATH
session-no-demo-folder = cannot create a temporary folder for the demo
