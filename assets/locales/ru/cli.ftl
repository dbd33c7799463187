## Что печатает командная строка (src/cli/): таблицы, карточки, подтверждения.

## Заголовки таблиц.

cli-col-id = №
cli-col-client = Клиент
cli-col-tier = Категория
cli-col-status = Статус
cli-col-revenue-12m = Выручка 12 мес
cli-col-share = Доля
cli-col-last-touch = Касание
cli-col-cadence = Частота
cli-col-overdue = Просрочено
cli-col-broken = Нарушено
cli-col-person = Контактное лицо
cli-col-role = Должность
cli-col-decides = ЛПР
cli-col-phone = Телефон
cli-col-email = Почта
cli-col-birthday = День рождения

## Слова в ячейках.

cli-never = не было
cli-yes = да
cli-minutes-short = мин

## folio client ...

cli-client-added = Клиент добавлен: { $name } ({ $tier }, № { $id })
cli-no-clients = Клиентов пока нет. Добавьте первого: `folio client add НАЗВАНИЕ`.
cli-client-list-legend = Суммы в { $currency }. Касание: сколько дней назад; ! — частота касаний пропущена, ~ — касание нужно сегодня.
cli-client-updated = Клиент изменён: { $name } (№ { $id })
cli-client-tier-changed = { $name }: категория { $from } -> { $to } ({ $reason })
cli-client-status-changed = { $name }: статус { $from } -> { $to } ({ $reason })
cli-client-has-records = у клиента { $name } есть записи ({ $records }: касания, договорённости, деньги, контакты); чтобы удалить их все, добавьте --force
cli-client-deleted-kept = Клиент { $name } удалён вместе с его записями ({ $records }); файл до удаления сохранён как { $file }
cli-client-deleted = Клиент удалён: { $name }
cli-contact-added = Контактное лицо добавлено: { $person }, клиент { $client } (№ { $id })
cli-contact-added-decides = Контактное лицо добавлено: { $person }, клиент { $client } (№ { $id }), ЛПР
cli-contact-updated = Контактное лицо изменено: { $person }, клиент { $client } (№ { $id })
cli-contact-deleted = Контактное лицо № { $id } удалено
cli-no-contacts = Контактных лиц нет.
cli-alias-added = Клиенту { $name } добавлено другое написание: { $alias }
cli-no-aliases = У клиента { $name } нет других написаний. Добавить: `folio client alias add`.
cli-alias-removed = У клиента { $name } убрано написание { $alias }

## folio client show: карточка клиента.

cli-card-since = клиент с { $since } · частота касаний: { $cadence } · канал: { $channel }
cli-card-inn = ИНН { $inn } · также пишется: { $aliases }
cli-card-goal = цель: { $goal }
cli-card-notes = заметки: { $notes }
cli-card-money = Выручка за 12 мес { $revenue } (доля { $share }), за всё время { $lifetime }; не оплачено { $outstanding }, просрочено { $overdue }
cli-card-time = Последнее касание { $last } · за 12 мес записано { $minutes } мин · выручка за час работы { $per-hour }
cli-card-agreements = Договорённости: открыто { $open } (просрочено { $overdue }), выполнено { $kept }, нарушено { $broken }
cli-card-contacts = Контактные лица
cli-card-tier-history = История категорий
cli-card-status-history = История статусов
cli-card-touchpoints = Последние касания ({ $shown } из { $total })
cli-card-by = (до { $date })
cli-card-due = срок
cli-card-agreements-title = Договорённости
cli-card-invoices = Ожидаемые платежи (последние 12)
cli-card-balance = остаток
cli-card-payments = Платежи (последние 12)

## folio touch ... и folio agree ...

cli-col-date = Дата
cli-col-kind = Тип
cli-col-minutes = Мин
cli-col-summary = Тема
cli-col-next-step = Следующий шаг
cli-col-due = Срок
cli-col-owner = За кем
cli-col-made = Дата
cli-col-agreement = Договорённость
cli-touch-added = Касание записано: { $kind }, { $client }, { $date } (№ { $id })
cli-no-touchpoints = Касаний нет.
cli-touch-list-more = Показаны последние { $shown } из { $total }; все: --limit 0.
cli-touch-updated = Касание № { $id } изменено: { $kind }, { $client }, { $date }
cli-touch-deleted = Касание № { $id } удалено
cli-agree-due = , срок { $date }
cli-agree-added = Договорённость № { $id } с клиентом { $client } записана ({ $owner }{ $due })
cli-agree-updated = Договорённость № { $id } с клиентом { $client } изменена ({ $owner }{ $due }, { $status })
cli-agree-closed = Договорённость № { $id } закрыта: { $status }
cli-no-agreements = Договорённостей нет.
cli-agree-overdue = ПРОСРОЧЕНА
cli-agree-deleted = Договорённость № { $id } удалена

## folio plan ..., folio invoice ..., folio pay ...

cli-col-month = Месяц
cli-col-target = План
cli-col-expected = Ожидается
cli-col-received = Поступило
cli-col-attainment = Выполнение
cli-col-outstanding = Не оплачено
cli-col-amount = Сумма
cli-col-balance = Остаток
cli-col-note = Примечание
cli-plan-set = План на { $month }: { $amount }
cli-plan-title = План на { $month } ({ $currency }) · сегодня { $today }, осталось { $left }
cli-plan-target = План
cli-plan-received = Поступило
cli-plan-expected = Ожидается
cli-plan-outstanding = Не оплачено
cli-plan-overdue = Просрочено
cli-plan-forecast = Прогноз
cli-plan-no-target = план не задан (`folio plan set { $month } СУММА`)
cli-plan-of-target = выполнение плана { $percent }
cli-plan-no-attainment = выполнение плана: -
cli-plan-expected-note = ожидаемые платежи за месяц
cli-plan-outstanding-note = сколько по ним ещё не оплачено
cli-plan-overdue-note = из них просрочено
cli-plan-forecast-note = поступило + остатки по ожидаемым платежам месяца, ещё не просроченные
cli-plan-empty = В этом месяце нет ни ожидаемых платежей, ни поступлений.
cli-invoice-added = Ожидаемый платёж № { $id } от клиента { $client }: { $amount } за { $month }, срок { $due }
cli-invoice-updated = Ожидаемый платёж № { $id } от клиента { $client } изменён: { $amount } за { $month }, срок { $due }
cli-invoice-deleted = Ожидаемый платёж № { $id } удалён
cli-no-invoices = Ожидаемых платежей нет.
cli-invoice-overdue = просрочен
cli-invoice-paid = оплачен
cli-payment-added = Платёж № { $id } от клиента { $client }: { $amount }, { $date }
cli-payment-updated = Платёж № { $id } от клиента { $client } изменён: { $amount }, { $date }
cli-payment-deleted = Платёж № { $id } удалён
cli-no-payments = Платежей нет.
cli-payments-total = Итого { $total } ({ $payments })

## folio import, export, report, backup, check, config, demo, gen

cli-col-rows = Строк
cli-col-sum = Сумма
cli-total = Итого
cli-standard-input = стандартный ввод
cli-importing = загрузка
cli-exporting = выгрузка…
cli-generating = создание
cli-import-statement-only = --profile и --incoming-only читают банковские выписки: они работают только с `import payments`
cli-cannot-read = не удаётся прочитать { $file }
cli-cannot-read-sheet = не удаётся прочитать { $file }; ничего не записано
cli-not-a-sheet = { $file } — не таблица .xlsx или .xls; --sheet нужен только для них
cli-import-failed = загрузка { $file } не удалась; ничего не записано
cli-import-failed-profile = загрузка { $file } по профилю «{ $profile }» не удалась; ничего не записано
cli-import-done = Загружено из { $file }: { $rows }
cli-import-would = Будет загружено из { $file }: { $rows }
cli-import-sheet = Прочитан лист «{ $sheet }».
cli-import-onec = Прочитан как файл обмена 1С с клиент-банком: только поступления.
cli-import-already-there = Пропущено уже имеющихся в портфеле: { $rows } (--allow-duplicates загрузит их ещё раз).
cli-import-header-row = Заголовок в строке { $at } листа: выше пропущено { $skipped }.
cli-import-header-line = Заголовок в строке { $at }: выше пропущено { $skipped }.
cli-import-created = Добавлено: { $clients }: { $names }
cli-import-would-create = Будет добавлено: { $clients }: { $names }
cli-import-dry-run = Пробный прогон: ничего не записано.
cli-preview-by-client-month = По клиентам и месяцам:
cli-preview-the-row = Строка в том виде, в каком она будет записана:
cli-preview-first-rows = Первые строки ({ $rows }) в том виде, в каком они будут записаны:
cli-exported = Выгружено в { $file }: { $rows }
cli-report-written = Сводка за { $month } записана в { $file }
cli-backup-failed = не удаётся записать резервную копию в { $file }
cli-backup-done = Резервная копия { $db } записана в { $file }
cli-check-ok = { $db }: всё в порядке
cli-check-problems = в { $db } найдено: { $problems }
cli-config-no-such-setting = такой настройки портфеля нет
cli-config-set = { $key } = { $value } (в { $file })
cli-demo-where = укажите, куда записать демо: folio demo --db ФАЙЛ (или попробуйте `folio --demo`)
cli-demo-not-empty = в { $file } уже есть портфель; демо записывается только в новый или пустой файл
cli-demo-written = Демо-портфель ({ $clients }, сегодня { $today }) записан в { $file }
cli-gen-where = укажите, куда записать: folio gen --db ФАЙЛ
cli-gen-done = Создано: { $clients }, { $touchpoints }, { $agreements }, { $invoices }, { $payments } по { $months } мес. за { $seconds } с, файл { $file }

## folio summary (просто `folio` в конвейере)

cli-summary-title = folio · { $db } · { $month } · сегодня { $today }
cli-summary-title-demo = folio · { $db } (демо) · { $month } · сегодня { $today }
cli-summary-no-clients = Клиентов пока нет. Добавьте первого: `folio client add НАЗВАНИЕ` или попробуйте `folio --demo`.
cli-summary-plan = План: поступило { $received } из { $target } { $currency } ({ $attainment }), прогноз { $forecast } · не оплачено { $outstanding }, просрочено { $overdue }
cli-summary-plan-no-target = План не задан: поступило { $received } { $currency } (выполнение плана { $attainment }), прогноз { $forecast } · не оплачено { $outstanding }, просрочено { $overdue }
cli-summary-receivables = Просроченная дебиторская задолженность (за все месяцы): { $overdue }
cli-summary-tier-count = { $tier } — { $n }
cli-summary-clients = Клиенты: { $counts }
cli-summary-concentration = Концентрация: доля крупнейшего клиента в выручке за 12 мес { $share }; 80 % выручки — это { $clients }
cli-summary-attention = Требуют внимания:

## Пропущенные строки выписки (io::profile::Skipped): $n строк, их сумма
## $sum, статус или валюта в $value.

skip-outgoing = Пропущены исходящие платежи ({ $n } { $n ->
        [one] строка
        [few] строки
       *[many] строк
    }): { $sum }
skip-zero = Пропущены строки с нулевой суммой: { $n }
skip-status = Пропущены строки со статусом «{ $value }» ({ $n } { $n ->
        [one] строка
        [few] строки
       *[many] строк
    }): { $sum }
skip-currency = Пропущены строки в валюте { $value } ({ $n } { $n ->
        [one] строка
        [few] строки
       *[many] строк
    }): { $sum }

## folio restore, folio backups

cli-restore-demo = демо-портфель временный; восстанавливайте в файл портфеля (--db ФАЙЛ или файл по умолчанию)
cli-restore-cannot-open = не удаётся восстановить в { $db }; если файл повреждён, переместите его и запустите восстановление снова
cli-restored = { $db } восстановлен из { $file } (версия схемы { $version })
cli-restore-kept = Портфель до восстановления сохранён как { $file }
cli-restore-nothing-before = Портфеля здесь раньше не было: сохранять нечего.
cli-restore-not-upgraded = { $db } восстановлен из { $file }, но обновить его до схемы этой версии folio не удалось
cli-backups-demo = Демо-портфель временный, резервных копий у него нет.
cli-backups-cannot-list = не удаётся получить список копий { $db }
cli-backups-none = Резервных копий { $db } пока нет; `folio backup` создаст копию.
cli-backups-title = { $n } { $n ->
        [one] резервная копия
        [few] резервные копии
       *[many] резервных копий
    } { $db }, сначала новые, в папке { $folder }:
cli-backups-modified = Изменена
cli-backups-size = Размер
cli-backups-kind = Вид
cli-backups-file = Файл
cli-backups-restore-hint = Восстановить из копии: `folio restore ФАЙЛ`.
cli-copy-backup = резервная копия
cli-copy-migration = перед обновлением
cli-copy-delete = перед удалением
cli-copy-before-restore = перед восстановлением
cli-copy-other = другое

## Причины, которые folio сам пишет в историю нового клиента (format::words).

history-initial-tier = начальная категория
history-client-added = клиент добавлен

## Старые копии, удалённые после удаления клиента (stderr), и ошибка профиля выписки.

cli-pruned = { $n ->
        [one] удалена { $n } старая резервная копия
        [few] удалены { $n } старые резервные копии
       *[many] удалено { $n } старых резервных копий
    } (остаются { $keep } последних): { $names }
note-tightened = доступ к { $file } оставлен только владельцу (права были { $mode }; записи о клиентах не для чужих глаз)
note-migrated = { $file } переведён со схемы версии { $from } на версию { $to }; прежний файл сохранён как { $backup }
cli-prune-failed = не удалось удалить старую резервную копию { $file }: { $error }
cli-profile-error = профиль «{ $profile }»: { $error }
cli-input-too-large = { $file } больше { $limit }; за одну загрузку folio читает не больше { $limit }
