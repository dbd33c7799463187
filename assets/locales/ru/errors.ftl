## Ошибки, как их называет `format::errors`. Значения приходят уже
## экранированными; пути к файлам не берутся в кавычки, введённое — в «».

## Значения, введённые или прочитанные из файла.
date-empty = дата не указана
date-invalid = «{ $value }» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
month-invalid = «{ $value }» — не месяц (пишите ГГГГ-ММ или ММ.ГГГГ)
money-empty = сумма не указана
money-invalid = «{ $value }» — не сумма (пишите цифрами, например 1250000,50 или 1 250 000,50)
money-too-many-decimals = в «{ $value }» больше двух знаков после запятой
money-ambiguous = «{ $value }» можно прочитать двояко: напишите 1250 или 1,25 (одна запятая перед тремя цифрами)
money-negative = «{ $value }» — отрицательная сумма; сумма должна быть не меньше нуля
money-zero = «{ $value }»: сумма должна быть больше нуля
money-other-currency = «{ $value }» — в { $found }, а портфель ведётся в { $expected }
money-overflow = «{ $value }» — слишком большая сумма
## $what — одно из value-* ниже.
unknown-value = «{ $value }» — не { $what } (используйте одно из: { $allowed })
value-tier = категория клиента
value-status = статус клиента
value-touchpoint-kind = вид касания
value-owner = сторона договорённости
value-agreement-status = статус договорённости
## Поле и что с ним не так.
field-problem = { $field }: { $problem }
text-nul = содержит символ NUL ({ $code })
text-line-break = должно быть одной строкой (найден перенос строки, { $code })
text-tab = содержит табуляцию ({ $code }); используйте пробелы
text-carriage-return = содержит возврат каретки ({ $code }) не в конце строки
text-control = содержит управляющий символ { $code }, folio такие не хранит

## Причины от системы.
io-not-found = нет такого файла или папки
io-permission-denied = нет прав доступа
io-already-exists = файл уже существует
io-storage-full = диск заполнен (нет свободного места)
io-read-only = файловая система доступна только для чтения
io-interrupted = операция прервана
io-invalid-data = данные повреждены или в неверном формате
io-is-a-directory = это папка, а не файл
io-not-a-directory = часть пути — не папка
io-directory-not-empty = папка не пуста
io-broken-pipe = канал закрыт
io-timed-out = время ожидания истекло
io-unexpected-eof = файл неожиданно закончился
io-file-too-large = файл слишком большой
io-other = системная ошибка: { $error }

## Причины от SQLite.
sqlite-busy = файл занят другой программой
sqlite-full = база данных или диск заполнены
sqlite-read-only = файл базы данных доступен только для чтения
sqlite-not-a-database = файл — не база данных
sqlite-corrupt = файл базы данных повреждён
sqlite-other = ошибка SQLite: { $error }

## Команды над портфелем.
op-unknown-client = нет клиента «{ $name }» (список клиентов: `folio client list`)
op-duplicate-client = клиент «{ $name }» уже есть (имена сравниваются без учёта регистра и невидимых символов)
op-not-found = не найдено: { $what } с id { $id }
op-busy = файл портфеля занят (в него пишет другая копия folio); попробуйте ещё раз
op-disk-full = диск заполнен (или неисправен): ничего не изменено
op-read-only = файл доступен только для чтения: ничего не изменено
op-read-only-file = файл { $path } доступен только для чтения: ничего не изменено
op-db = ошибка базы данных: { $error }

## Файлы, которые пишет folio.
out-exists = { $path } уже существует; чтобы заменить его, добавьте --force
out-portfolio = { $path } — открытый портфель (или его файл -wal/-shm); folio никогда не пишет поверх него, даже с --force
out-database = { $path } — база данных SQLite; folio не пишет поверх баз данных даже с --force (выберите другой файл)
out-symlink = { $path } — символическая ссылка; чтобы записать в файл, на который она указывает, добавьте --force
out-directory = { $path } — папка, а не файл
out-special = { $path } — не файл, не символьное устройство и не FIFO; folio в такое не пишет
folder-missing = папки { $path } не существует
out-io = не удалось записать { $path }: { $reason }
out-output = не удалось вывести результат: { $reason }

## Открытие портфеля.
open-not-sqlite = { $path } — не база данных folio (это не файл SQLite); ничего не изменено
open-truncated = { $path } повреждён (файл короче, чем сказано в его заголовке: обрезан?); ничего не изменено
open-foreign = { $path } — база данных другой программы, а не портфель folio; ничего не изменено
open-newer = { $path } записан более новой версией folio (версия схемы { $found }, эта программа знает версии до { $known }); обновите folio, чтобы открыть его
open-is-directory = { $path } — папка, а не файл портфеля
open-empty-path = пустой путь не называет файл портфеля; укажите путь к файлу
open-not-a-path = «{ $path }» — не путь к файлу: folio хранит портфель в файле, а не в памяти и не по адресу SQLite (для файла с таким именем пишите ./{ $path })
open-cannot = не удалось открыть { $path }: { $reason }
open-disk-full = не удалось открыть { $path }: диск заполнен (или неисправен); ничего не изменено
open-backup = не удалось сохранить копию { $path } перед обновлением: { $reason }
open-read-only-older = { $path } — файл старой версии folio (версия схемы { $found }), доступный только для чтения: перед работой его нужно обновить; разрешите запись в него или скопируйте его и откройте снова
open-read-only-empty = { $path } пуст и доступен только для чтения: folio не может начать в нём портфель; разрешите запись в него
open-read-only-wal = { $path } нельзя прочитать надёжно: файл и его папка доступны только для чтения, а без записи пропали бы сохранённые записи из { $wal }; разрешите запись в папку или скопируйте оба файла в другое место
open-read-only-journal = { $path } нельзя прочитать надёжно: файл и его папка доступны только для чтения, а в { $journal } прерванная запись, которую сначала нужно отменить; разрешите запись в папку и откройте файл снова
open-read-only = не удалось открыть { $path }: файл доступен только для чтения, а SQLite нужно записать в него, чтобы прочитать

## Восстановление из копии.
source-newer = { $path } записан более новой версией folio (версия схемы { $found }, эта программа знает версии до { $known }); обновите folio, чтобы восстановить его; ничего не изменено
source-is-directory = { $path } — папка, а не файл портфеля; ничего не изменено
source-missing = { $path } не существует; ничего не изменено
source-unreadable = не удалось прочитать { $path }: { $reason }; ничего не изменено
source-damaged = { $path } повреждён (проверка целостности нашла: { $problems }, первая: { $first }); ничего не изменено
restore-same-file = { $path } — это сам портфель; восстанавливайте из его копии (список копий: `folio backups`); ничего не изменено
restore-no-file = восстановить можно только в файл портфеля
restore-keep-before = не удалось сохранить копию портфеля как { $path } перед восстановлением: { $reason }; ничего не восстановлено
restore-copy = не удалось восстановить { $from } в { $into }: { $reason }; портфель не изменён

## Файл настроек.
config-syntax = { $path }, строка { $line }: { $message }
config-read = не удалось прочитать { $path }: { $reason }
config-write = не удалось записать { $path }: { $reason }
config-no-path = в этой системе неизвестна папка для настроек; укажите файл в { $env }
config-value = { $key } принимает значения on или off, а не «{ $value }»
config-lang = lang принимает значения ru, en или auto (язык системы), а не «{ $value }»

## Импорт.
import-empty = в файле нет строки заголовков
import-missing-column = в заголовке нет обязательного столбца «{ $header }» (найдены: { $found }); назовите так столбец или укажите --map 'Ваш заголовок={ $column }'
import-rows = { $count }:
    { $rows }
import-at = { $place } { $line }: { $message }
place-line = строка
place-row = строка
import-line-too-long = { $place } { $line }: слишком длинная строка; folio читает строки не длиннее { $size }
import-ambiguous-dates = { $place } { $line }, столбец { $column }: «{ $value }» читается и как день/месяц, и как месяц/день, а дня больше 12 в столбце нет; укажите --date-format { $day_first } или --date-format { $month_first }
import-too-large = файл больше { $size }; folio читает за один импорт не больше { $size }
size-mib = { $n } МиБ
size-bytes = { $n } { $n ->
    [one] байт
    [few] байта
   *[other] байт
}
decode-not-utf8 = строка { $line }: байт 0x{ $byte } — не UTF-8, хотя { $why }: в файле смешаны кодировки; исправьте эту строку или укажите --encoding, чтобы прочитать весь файл в одной кодировке
decode-why-bom = файл начинается с метки порядка байтов UTF-8
decode-why-russian-line = в строке { $line } русские буквы в UTF-8
decode-utf16-without-bom = файл похож на UTF-16 без метки порядка байтов (байт 00 или 04 после каждой буквы); укажите --encoding utf-16
decode-not-utf16 = строка { $line }: файл начинается как UTF-16, но дальше не UTF-16; исправьте файл или укажите --encoding
decode-unknown = файл не в UTF-8 (первая такая строка — { $line }) и не читается как русский текст ни в cp1251, ни в cp866, ни в KOI8-R; укажите --encoding
decode-ambiguous = файл не в UTF-8 (первая такая строка — { $line }) и читается одинаково хорошо в { $first } и в { $second }; укажите --encoding { $first } или --encoding { $second }
sheet-unreadable = не удалось прочитать файл как { $what }: { $message }
sheet-format-xlsx = книгу .xlsx
sheet-format-xls = книгу .xls
sheet-none = в файле нет листа для чтения
sheet-unknown = в файле нет листа «{ $wanted }» (его листы: { $found }); укажите --sheet ИМЯ
sheet-problem = лист «{ $sheet }»: { $message }
sheet-too-large = в распакованном виде книга больше { $size }; folio читает из одной книги не больше этого
profile-unknown = нет профиля «{ $name }» (встроенные: { $built_in }; ваши: { $yours })
profile-none = нет
profile-read = не удалось прочитать файл настроек { $path }: { $reason }
profile-toml = в файле настроек { $path } профили записаны с ошибкой: { $message }
profile-invalid = профиль «{ $name }»: { $message }

## Что не так со строкой импорта. $column — название столбца.
row-empty = { $column }: не заполнено
row-no-client-name = не указано имя клиента
row-not-a-date = { $column }: «{ $value }» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ либо укажите --date-format)
row-other-order = { $column }: «{ $value }» — не дата в порядке { $order }, как остальные даты столбца (укажите --date-format)
date-order-day-month = день/месяц
date-order-month-day = месяц/день
row-not-in-format = { $column }: «{ $value }» — не дата в формате --date-format { $format }
row-cadence = частота касаний: «{ $value }» — не целое положительное число дней
row-minutes = минуты: «{ $value }» — не целое число от 0 до { $max } и не длительность ЧЧ:ММ[:СС]
row-duplicate = клиент «{ $name }» повторяется (впервые в строке { $first })
row-duplicate-as = клиент «{ $name }» повторяется (впервые в строке { $first } как «{ $as_written }»)
row-too-many-fields = в строке { $used } { $used ->
    [one] значение
    [few] значения
   *[other] значений
}, а в заголовке только { $header } (значения с «{ $delimiter }» заключайте в кавычки)
row-too-long = { $column }: слишком длинное значение ({ $chars } симв., можно не больше { $max })
row-unknown-client = нет клиента «{ $name }» (сначала добавьте его или импортируйте с --create-clients)
row-unnamed = ошибка в строке

## Поле формы, которое не прошло проверку (TUI).
form-whole-number = целое число от { $min } до { $max }
form-one-of = одно из: { $options }

## Почему поле не принято (после «поле: »).
reason-required = обязательное поле
reason-nothing-visible = нет ни одного видимого символа (только невидимые, например пробелы нулевой ширины)
reason-longer-than = длиннее { $n } символов
reason-at-least-a-day = не меньше 1 дня
reason-at-most-days = не больше { $n } дней
reason-at-most = не больше { $n }
reason-total-too-large = итог клиента превысил бы то, что может хранить folio
reason-agreement-already = договорённость { $id } уже «{ $word }»
reason-already = { $name } — уже «{ $word }»
reason-due-needs-step = срок бывает только у следующего шага: укажите шаг
reason-open-has-no-close = у открытой договорённости нет даты закрытия
reason-due-before-made = { $due } — раньше, чем заключена договорённость ({ $made })
reason-close-as = закрыть можно как выполненную, нарушенную или отменённую
reason-zero-or-more = нужно значение не меньше нуля
reason-above-zero = нужно значение больше нуля
reason-too-large = слишком большое значение
reason-currency-code = «{ $code }» — не трёхбуквенный код валюты (например, RUB, EUR, USD)
reason-deleted-with-copy = удалён вместе со своей резервной копией
reason-deleted-client-back = удалённый клиент возвращается из своей резервной копии (folio restore)
reason-email = «{ $value }» — не адрес эл. почты: нужен один знак @, текст перед ним и точка после него (ann@example.com)
reason-phone-character = в «{ $value }» есть «{ $char }»: в телефоне бывают только цифры, пробелы и + - ( )
reason-phone-digits = в «{ $value }» меньше { $n } цифр
reason-inn-taken = { $inn } — уже ИНН клиента «{ $name }»
reason-alias-taken = «{ $value }» — уже псевдоним клиента «{ $name }»
reason-alias-is-a-name = «{ $value }» — название клиента «{ $name }»: строка с таким именем подошла бы к обоим
reason-not-an-alias = «{ $value }» — не псевдоним клиента «{ $name }» (список: `folio client alias list`)
reason-alias-empty = не по чему сопоставлять, если убрать кавычки и организационно-правовую форму
reason-inn-shape = «{ $value }» — не ИНН (10 цифр у организации, 12 у физического лица)
reason-inn-checksum = «{ $value }» — неверный ИНН: не сходится контрольная цифра (опечатка?)
reason-could-be-either = клиент «{ $value }» может быть и «{ $name }», и «{ $other }»: добавьте в файл его ИНН или сделайте это имя псевдонимом одного из них (`folio client alias add`)
reason-other-inn = ИНН { $inn } — не ИНН клиента «{ $name }» (его ИНН { $other }): проверьте строку или ИНН клиента
reason-keeps-id = у записи «{ $record }» { $id } номер не меняется
reason-gen-not-empty = в файле уже есть портфель; gen пишет только в новый или пустой файл
reason-briefing-not-saved = сводку записывают в файл, а не сохраняют

## TUI не может занять терминал (дальше — причина).
tui-cannot-start = не удалось запустить интерфейс в терминале

## Файл, который в целом не CSV (после «строка N: »).
reason-unclosed-quote = здесь начинается значение в кавычках, которое нигде не закрыто (непарная '"')
reason-column-twice = столбец «{ $value }» встречается в заголовке больше одного раза
reason-csv = ошибка CSV: { $error }

## Выписка из 1С: ключи — слова самой 1С.
reason-1c-no-key = в документе нет поля { $key }
reason-1c-empty-key = в документе пустое поле { $key }
reason-1c-direction = непонятно, входящий ли это документ: в файле нет РасчСчет, а в документе нет ни ДатаПоступило, ни ДатаСписано
reason-1c-end-without-start = КонецДокумента без СекцияДокумент перед ним
reason-1c-unclosed = у документа «СекцияДокумент={ $value }», который начинается здесь, нет КонецДокумента

## Значение флага: --map, --date-format, пределы числа.
reason-not-a-map-pair = «{ $value }» — не пара Заголовок=столбец (например, «Дата платежа=date»)
reason-not-a-column = «{ $value }» — здесь нет такого столбца (возможные: { $allowed })
reason-names-no-header = в «{ $value }» нет имени заголовка
reason-not-a-date-pattern = «{ $value }» — не шаблон даты (например, %d.%m.%Y, %d.%m.%y или %m/%d/%Y)
reason-not-a-whole-date = по шаблону «{ $value }» не получается полная дата (нужны день, месяц и год, например %d.%m.%Y)
reason-not-in-range = { $value } — вне допустимых пределов: от { $min } до { $max }
reason-not-a-whole-number = «{ $value }» — не целое число

## Отмена, которую записи больше не допускают. $record — вид записи.
reason-undo-changed = запись «{ $record }» с тех пор изменили в другом месте; ничего не отменено
reason-undo-deleted = запись «{ $record }» с тех пор удалили в другом месте; ничего не отменено
reason-undo-has-records = у записи «{ $record }» теперь есть свои записи; ничего не отменено
reason-undo-there-again = запись «{ $record }» снова на месте; ничего не отменено

## До открытия портфеля.
session-no-home = не найдена домашняя папка, где хранить портфель; укажите --db ПУТЬ
session-no-demo-folder = не удалось создать временную папку для демо
