### Справка и ошибки командной строки по-русски (src/cli/help.rs).
### Английский текст — это doc-комментарии в src/cli/args.rs; здесь тот же
### текст по-русски, по пути команды и id аргумента:
###   about-ПУТЬ — что делает команда, after-ПУТЬ — текст после параметров
###   (примеры), arg-ПУТЬ-ID — справка аргумента (глобальные: arg-folio-ID),
###   value-name-… — заглушка значения (<ДАТА>), value-… — справка значения.
### Флаги, имена команд и сами команды в примерах не переводятся.

## Слова clap

cli-usage = Использование:
cli-commands = Команды:
cli-arguments = Аргументы:
cli-options = Параметры:
cli-value-options = [ПАРАМЕТРЫ]
cli-value-command = КОМАНДА
cli-help = Показать справку
cli-help-more = Показать справку (подробнее: --help)
cli-help-summary = Показать справку (кратко: -h)
cli-version = Показать версию
cli-help-command = Показать эту справку или справку указанной команды
cli-default = по умолчанию
cli-env = переменная окружения
cli-possible-values = возможные значения
cli-possible-values-heading = Возможные значения:

## Ошибки разбора командной строки (код выхода 2)

cli-error = ошибка:
cli-error-invalid-value = недопустимое значение '{ $value }' для '{ $arg }'
cli-error-no-value = для '{ $arg }' нужно значение, а оно не указано
cli-error-unknown-argument = неизвестный аргумент '{ $arg }'
cli-error-unknown-command = неизвестная команда '{ $name }'
cli-error-missing = не указаны обязательные аргументы:
cli-error-no-command = после '{ $name }' нужна команда, а она не указана
cli-commands-list = команды
cli-error-conflict = '{ $arg }' нельзя указать вместе с '{ $other }'
cli-error-conflict-twice = '{ $arg }' можно указать только один раз
cli-error-conflict-many = '{ $arg }' нельзя указать вместе с:
cli-error-conflict-any = '{ $arg }' нельзя указать вместе с другими указанными аргументами
cli-error-too-many-values = лишнее значение '{ $value }' для '{ $arg }': больше значений не ожидалось
cli-error-number-of-values = для '{ $arg }' нужно значений: { $expected }, а указано: { $actual }
cli-error-no-equals = значение для '{ $arg }' указывается через знак '='
cli-error-utf8 = в аргументах есть символы не в кодировке UTF-8
cli-tip = подсказка:
cli-tip-command = { $n ->
    [one] есть похожая команда: { $similar }
   *[other] есть похожие команды: { $similar }
}
cli-tip-argument = { $n ->
    [one] есть похожий аргумент: { $similar }
   *[other] есть похожие аргументы: { $similar }
}
cli-tip-value = { $n ->
    [one] есть похожее значение: { $similar }
   *[other] есть похожие значения: { $similar }
}
cli-tip-as-value = чтобы передать '{ $value }' как значение, напишите '{ $usage }'
cli-tip-remove-dashes = команда '{ $name }' есть; чтобы её выполнить, уберите '--' перед ней
cli-more = Подробнее: '{ $flag }'.

## Заглушки значений (<ДАТА>)

value-name-path = ПУТЬ
value-name-date = ДАТА
value-name-lang = ЯЗЫК
value-name-name = ИМЯ
value-name-tier = КАТЕГОРИЯ
value-name-days = ДНЕЙ
value-name-channel = КАНАЛ
value-name-goal = ЦЕЛЬ
value-name-notes = ЗАМЕТКИ
value-name-inn = ИНН
value-name-status = СТАТУС
value-name-new-name = НОВОЕ_ИМЯ
value-name-reason = ПРИЧИНА
value-name-person = ФИО
value-name-role = ДОЛЖНОСТЬ
value-name-phone = ТЕЛЕФОН
value-name-email = ПОЧТА
value-name-alias = ДРУГОЕ_ИМЯ
value-name-id = НОМЕР
value-name-client = КЛИЕНТ
value-name-kind = ВИД
value-name-summary = СУТЬ
value-name-minutes = МИНУТ
value-name-text = ТЕКСТ
value-name-limit = СКОЛЬКО
value-name-owner = ЗА_КЕМ
value-name-month = МЕСЯЦ
value-name-amount = СУММА
value-name-note = ПРИМЕЧАНИЕ
value-name-file = ФАЙЛ
value-name-header-column = ЗАГОЛОВОК=СТОЛБЕЦ,...
value-name-encoding = КОДИРОВКА
value-name-pattern = ШАБЛОН
value-name-key = НАСТРОЙКА
value-name-value = ЗНАЧЕНИЕ
value-name-shell = ОБОЛОЧКА
value-name-format = ФОРМАТ
value-name-months = МЕСЯЦЕВ
value-name-clients = СКОЛЬКО
value-name-touchpoints = СКОЛЬКО
value-name-seed = ЗЕРНО

## Значения со своей справкой

value-currency = Валюта портфеля (хранится в портфеле)
value-mouse = Щелчки и колесо мыши в TUI (хранится в вашем файле настроек)
value-lang = Язык folio: ru, en или auto — как в системе (хранится в вашем файле настроек)
value-utf-16 = Little-endian, если файл не начинается с метки порядка байт big-endian

## folio

about-folio = Портфель аккаунт-менеджера: клиенты, касания, договорённости и месячный план по платежам.
after-folio =
    Примеры:
      folio --demo          посмотреть демо-портфель (ваш файл не затрагивается)
      folio client add "ООО Ромашка" --tier gold --cadence 14
      folio touch add "ООО Ромашка" --kind call --summary "Обзор Q3" --minutes 30
      folio plan show --month 2026-11 --json
arg-folio-db = Файл портфеля [по умолчанию: portfolio.db в папке данных системы]
arg-folio-demo = Работать на свежем демо-портфеле во временном файле
arg-folio-today = Считать сегодняшним днём эту дату (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
arg-folio-lang = Язык folio [по умолчанию: `folio config set lang`, иначе LC_ALL, LC_MESSAGES или LANG, иначе en]

## folio client

about-client = Клиенты: добавить, список, карточка, изменить, сменить категорию или статус, контакты
about-client-add = Добавить клиента
after-client-add =
    Пример:
      folio client add "ООО Ромашка" --tier gold --cadence 14 --since 01.03.2025
arg-client-add-name = Название клиента, например «ООО Ромашка»
arg-client-add-tier = Категория: золотой, перспективный или токсичный (gold, potential, toxic)
arg-client-add-cadence = Согласованная частота касаний, в днях
arg-client-add-since = Начало работы с клиентом [по умолчанию: сегодня]
arg-client-add-channel = Удобный канал связи (телефон, telegram, почта...)
arg-client-add-goal = Бизнес-цель, согласованная на старте
arg-client-add-notes = Заметки о клиенте в свободной форме
arg-client-add-inn = ИНН клиента (10 или 12 цифр, контрольные цифры проверяются)

about-client-list = Список клиентов с их сигналами
after-client-list =
    Пример:
      folio client list --tier gold --json
arg-client-list-tier = Только клиенты этой категории: золотой, перспективный или токсичный
arg-client-list-status = Только клиенты с этим статусом: активный, на паузе или ушёл
arg-client-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-client-show = Всё об одном клиенте
after-client-show =
    Пример:
      folio client show "ооо ромашка"
arg-client-show-name = Клиент, по названию (регистр не важен)
arg-client-show-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-client-edit = Изменить данные клиента
after-client-edit =
    Пример:
      folio client edit Acme --cadence 7 --goal "+20% заявок к Q2"
arg-client-edit-name = Клиент, которого изменить, по названию
arg-client-edit-new_name = Новое название
arg-client-edit-since = Начало работы с клиентом
arg-client-edit-cadence = Согласованная частота касаний, в днях
arg-client-edit-no_cadence = Убрать частоту касаний
arg-client-edit-channel = Удобный канал связи (телефон, telegram, почта...)
arg-client-edit-goal = Бизнес-цель, согласованная на старте
arg-client-edit-notes = Заметки о клиенте в свободной форме
arg-client-edit-inn = ИНН клиента (10 или 12 цифр, контрольные цифры проверяются): по нему импорт узнаёт строки выписки
arg-client-edit-no_inn = Убрать ИНН клиента

about-client-tier = Перевести клиента в другую категорию, с причиной
after-client-tier =
    Пример:
      folio client tier Acme toxic --reason "Срывает договорённости"
arg-client-tier-name = Клиент, по названию (регистр не важен)
arg-client-tier-tier = Новая категория: золотой, перспективный или токсичный (gold, potential, toxic)
arg-client-tier-reason = Почему клиент переходит (остаётся в его истории)
arg-client-tier-on = Дата решения [по умолчанию: сегодня]

about-client-status = Сменить статус клиента (активный, на паузе, ушёл), с причиной
after-client-status =
    Пример:
      folio client status Acme churned --reason "Закрыли бизнес (объективно)"
arg-client-status-name = Клиент, по названию (регистр не важен)
arg-client-status-status = Новый статус: активный, на паузе или ушёл (active, paused, churned)
arg-client-status-reason = Почему меняется статус (остаётся в истории клиента)
arg-client-status-on = Дата изменения [по умолчанию: сегодня]

about-client-delete = Удалить клиента со всеми его записями (с историей — только с --force)
after-client-delete =
    Пример:
      folio client delete "Тестовый клиент" --force
arg-client-delete-name = Клиент, которого удалить, по названию
arg-client-delete-force = Удалить со всеми записями (касания, договорённости, деньги, контакты)

## folio client contact

about-client-contact = Контакты у клиента
about-client-contact-add = Добавить контактное лицо
after-client-contact-add =
    Пример:
      folio client contact add Acme --person "Анна Петрова" --role CMO \
        --decision-maker --birthday 14.02.1985
arg-client-contact-add-name = Клиент, по названию (регистр не важен)
arg-client-contact-add-person = Фамилия, имя и отчество
arg-client-contact-add-role = Должность, например CMO
arg-client-contact-add-decision_maker = Принимает решения (ЛПР)
arg-client-contact-add-phone = Номер телефона
arg-client-contact-add-email = Адрес электронной почты
arg-client-contact-add-birthday = День рождения

about-client-contact-list = Контакты клиента
after-client-contact-list =
    Пример:
      folio client contact list Acme
arg-client-contact-list-name = Клиент, по названию (регистр не важен)
arg-client-contact-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-client-contact-edit = Изменить контакт (по номеру из `contact list`): только указанные поля
after-client-contact-edit =
    Пример:
      folio client contact edit 3 --role CEO --decision-maker --no-phone
arg-client-contact-edit-id = Номер контакта (как в `client contact list`)
arg-client-contact-edit-client = Перенести контакт к этому клиенту
arg-client-contact-edit-person = Фамилия, имя и отчество
arg-client-contact-edit-role = Должность, например CMO
arg-client-contact-edit-no_role = Убрать должность
arg-client-contact-edit-decision_maker = Принимает решения (ЛПР)
arg-client-contact-edit-no_decision_maker = Не принимает решений
arg-client-contact-edit-phone = Номер телефона
arg-client-contact-edit-no_phone = Убрать номер телефона
arg-client-contact-edit-email = Адрес электронной почты
arg-client-contact-edit-no_email = Убрать адрес почты
arg-client-contact-edit-birthday = День рождения
arg-client-contact-edit-no_birthday = Убрать день рождения

about-client-contact-delete = Удалить контакт по номеру
after-client-contact-delete =
    Пример:
      folio client contact delete 3
arg-client-contact-delete-id = Номер контакта (как в `client contact list`)

## folio client alias

about-client-alias = Другие названия клиента в банковских выписках и выгрузках
about-client-alias-add = Добавить название, под которым клиент встречается: импорт узнаёт его (без учёта регистра, кавычек и формы: ООО, ИП, АО, ПАО, ЗАО)
after-client-alias-add =
    Пример:
      folio client alias add "ООО Ромашка" "Romashka LLC"
arg-client-alias-add-name = Клиент, по названию (регистр не важен)
arg-client-alias-add-alias = Другое название, например «Romashka LLC»

about-client-alias-list = Другие названия клиента
after-client-alias-list =
    Пример:
      folio client alias list "ООО Ромашка" --json
arg-client-alias-list-name = Клиент, по названию (регистр не важен)
arg-client-alias-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-client-alias-delete = Убрать одно из других названий клиента
after-client-alias-delete =
    Пример:
      folio client alias delete "ООО Ромашка" "Romashka LLC"
arg-client-alias-delete-name = Клиент, по названию (регистр не важен)
arg-client-alias-delete-alias = Название, которое убрать

## folio touch

about-touch = Касания: звонки, встречи, письма, сообщения, отчёты
about-touch-add = Записать касание
after-touch-add =
    Пример:
      folio touch add Acme --kind call --summary "Бюджет на Q1" --minutes 25 \
        --next "Отправить предложение" --next-due 2026-11-30
arg-touch-add-client = Клиент, по названию (регистр не важен)
arg-touch-add-kind = Как это было: звонок, встреча, письмо, мессенджер, отчёт или другое
arg-touch-add-summary = О чём говорили, одной строкой
arg-touch-add-at = Когда это было [по умолчанию: сегодня]
arg-touch-add-minutes = Сколько времени заняло, в минутах
arg-touch-add-next = Согласованный следующий шаг
arg-touch-add-next_due = Срок следующего шага

about-touch-list = Список касаний, сначала новые
after-touch-list =
    Пример:
      folio touch list --client Acme --limit 20
arg-touch-list-client = Только касания этого клиента
arg-touch-list-limit = Не больше стольких (0 — все)
arg-touch-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-touch-edit = Изменить касание: только указанные поля
after-touch-edit =
    Пример:
      folio touch edit 42 --minutes 45 --next "Отправить новое предложение" \
        --next-due 2026-12-04
arg-touch-edit-id = Номер касания (как в `touch list`)
arg-touch-edit-client = Перенести к этому клиенту
arg-touch-edit-kind = Как это было: звонок, встреча, письмо, мессенджер, отчёт или другое
arg-touch-edit-summary = О чём говорили, одной строкой
arg-touch-edit-at = Когда это было
arg-touch-edit-minutes = Сколько времени заняло, в минутах
arg-touch-edit-next = Согласованный следующий шаг
arg-touch-edit-no_next = Убрать следующий шаг (и его срок)
arg-touch-edit-next_due = Срок следующего шага
arg-touch-edit-no_next_due = Убрать срок следующего шага

about-touch-delete = Удалить касание по номеру
after-touch-delete =
    Пример:
      folio touch delete 42
arg-touch-delete-id = Номер касания (как в `touch list`)

## folio agree

about-agree = Договорённости: что обещано, кем и к какому сроку
about-agree-add = Записать договорённость
after-agree-add =
    Пример:
      folio agree add Acme --text "Прислать медиаплан" --owner us --due 2026-11-28
arg-agree-add-client = Клиент, по названию (регистр не важен)
arg-agree-add-text = Что обещано
arg-agree-add-owner = За кем она: мы (агентство) или клиент (us, client)
arg-agree-add-due = Срок [по умолчанию: без срока]
arg-agree-add-on = Когда договорились [по умолчанию: сегодня]

about-agree-close = Закрыть договорённость: выполнена, нарушена или отменена
after-agree-close =
    Пример:
      folio agree close 12 --kept
arg-agree-close-id = Номер договорённости (как в `agree list`)
arg-agree-close-kept = Выполнена, как обещали
arg-agree-close-broken = Нарушена: не сделано, как обещали
arg-agree-close-cancelled = Отменена: больше не актуальна
arg-agree-close-on = Дата закрытия [по умолчанию: сегодня]

about-agree-list = Список договорённостей: сначала открытые, по сроку
after-agree-list =
    Пример:
      folio agree list --open --json
arg-agree-list-open = Только открытые
arg-agree-list-client = Только договорённости этого клиента
arg-agree-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-agree-edit = Изменить договорённость: только указанные поля (закрыть — `agree close`)
after-agree-edit =
    Пример:
      folio agree edit 12 --due 2026-12-05 --text "Прислать медиаплан на Q1"
arg-agree-edit-id = Номер договорённости (как в `agree list`)
arg-agree-edit-client = Перенести к этому клиенту
arg-agree-edit-text = Что обещано
arg-agree-edit-owner = За кем она: мы (агентство) или клиент (us, client)
arg-agree-edit-due = Срок
arg-agree-edit-no_due = Убрать срок
arg-agree-edit-on = Когда договорились

about-agree-delete = Удалить договорённость по номеру
after-agree-delete =
    Пример:
      folio agree delete 12
arg-agree-delete-id = Номер договорённости (как в `agree list`)

## folio plan

about-plan = Месячный план по платежам: план и цифры месяца
about-plan-set = Задать план на месяц
after-plan-set =
    Пример:
      folio plan set 2026-11 "1 500 000"
arg-plan-set-month = Месяц, ГГГГ-ММ
arg-plan-set-amount = Сумма плана, например "1 500 000"

about-plan-show = Цифры месяца: план, поступило, не оплачено, просрочено, прогноз
after-plan-show =
    Пример:
      folio plan show --month 2026-11 --json
arg-plan-show-month = Месяц, ГГГГ-ММ [по умолчанию: текущий]
arg-plan-show-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-plan-history = План и поступления за последние месяцы
after-plan-history =
    Пример:
      folio plan history --months 12
arg-plan-history-months = Сколько месяцев, включая текущий (не больше 240)
arg-plan-history-json = Вывести JSON для скриптов (ключи и значения по-английски)

## folio invoice

about-invoice = Ожидаемые платежи (счета)
about-invoice-add = Добавить ожидаемый платёж
after-invoice-add =
    Пример:
      folio invoice add Acme --month 2026-11 --amount "250 000" --due 10.11.2026
arg-invoice-add-client = Клиент, по названию (регистр не важен)
arg-invoice-add-month = Месяц плана, в котором ждём оплату, ГГГГ-ММ
arg-invoice-add-amount = Ожидаемая сумма, например "250 000"
arg-invoice-add-due = Срок оплаты [по умолчанию: последний день месяца]

about-invoice-list = Ожидаемые платежи и сколько по ним ещё не оплачено
after-invoice-list =
    Пример:
      folio invoice list --month 2026-11
arg-invoice-list-client = Только ожидаемые платежи этого клиента
arg-invoice-list-month = Только ожидаемые в этом месяце, ГГГГ-ММ
arg-invoice-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-invoice-edit = Изменить ожидаемый платёж: только указанные поля
after-invoice-edit =
    Пример:
      folio invoice edit 7 --amount "300 000" --due 15.11.2026
arg-invoice-edit-id = Номер ожидаемого платежа (как в `invoice list`)
arg-invoice-edit-client = Перенести к этому клиенту
arg-invoice-edit-month = Месяц плана, в котором ждём оплату, ГГГГ-ММ
arg-invoice-edit-amount = Ожидаемая сумма
arg-invoice-edit-due = Срок оплаты

about-invoice-delete = Удалить ожидаемый платёж по номеру
after-invoice-delete =
    Пример:
      folio invoice delete 7
arg-invoice-delete-id = Номер ожидаемого платежа (как в `invoice list`)

## folio pay

about-pay = Поступления
about-pay-add = Записать поступление
after-pay-add =
    Пример:
      folio pay add Acme --on 2026-11-12 --amount "1 250 000,50" \
        --note "Счёт 118"
arg-pay-add-client = Клиент, который заплатил, по названию (регистр не важен)
arg-pay-add-on = День, когда пришли деньги
arg-pay-add-amount = Сумма поступления, например "1 250 000,50"
arg-pay-add-note = Примечание, например номер счёта

about-pay-list = Список поступлений, сначала новые
after-pay-list =
    Пример:
      folio pay list --client Acme
arg-pay-list-client = Только поступления этого клиента
arg-pay-list-month = Только поступившие в этом месяце, ГГГГ-ММ
arg-pay-list-json = Вывести JSON для скриптов (ключи и значения по-английски)

about-pay-edit = Изменить поступление: только указанные поля
after-pay-edit =
    Пример:
      folio pay edit 3 --on 2026-11-13 --note "Счёт 118, вторая часть"
arg-pay-edit-id = Номер поступления (как в `pay list`)
arg-pay-edit-client = Перенести к этому клиенту
arg-pay-edit-on = День, когда пришли деньги
arg-pay-edit-amount = Сумма поступления
arg-pay-edit-note = Примечание, например номер счёта

about-pay-delete = Удалить поступление по номеру
after-pay-delete =
    Пример:
      folio pay delete 3
arg-pay-delete-id = Номер поступления (как в `pay list`)

## folio import, export

about-import = Импорт записей из CSV или таблицы (всё или ничего)
after-import =
    Столбцы (строка заголовков обязательна; `,`, `;` или табуляция; UTF-8, UTF-16,
    cp1251, cp866 или KOI8-R; также .xlsx и .xls):
      clients      name,tier,cadence_days,since,notes
      touchpoints  client,date,kind,summary,minutes
      agreements   client,date,text,owner,due,status
      payments     client,date,amount,note
    Заголовки можно писать по-русски (клиент,дата,сумма,примечание).

    Банковские выписки (payments): --profile tinkoff|sber|vtb|alfa|ИМЯ или --incoming-only;
    файлы обмена 1С (1CClientBankExchange) узнаются по первой строке.

    Примеры:
      folio import payments bank.csv --dry-run
      folio import payments statement.csv --profile tinkoff --create-clients
arg-import-kind = Что в файле
arg-import-file = Файл CSV, .xlsx или .xls, или - для стандартного ввода (не больше 256 МиБ)
arg-import-dry_run = Проверить все строки и показать итог, ничего не записывая
arg-import-create_clients = Создать клиентов, названных в файле, которых ещё нет
arg-import-allow_duplicates = Импортировать и строки, которые уже есть в портфеле (по умолчанию повторный импорт добавляет только новое)
arg-import-map = Заголовки файла для столбцов folio, например 'Дата платежа=date,Сумма платежа=amount,Описание=client'
arg-import-profile = Читать поступления как банковскую выписку по профилю: tinkoff, sber, vtb, alfa или [profiles.ИМЯ] в файле настроек (только входящие)
arg-import-incoming_only = Поступления: импортировать только входящие строки; исходящие, нулевые, неуспешные и в другой валюте пропускаются и считаются (столбцы status, currency, outgoing, operation можно сопоставить через --map)
arg-import-sheet = Какой лист файла .xlsx или .xls читать [по умолчанию: первый]
arg-import-encoding = Кодировка файла [по умолчанию: UTF-8, UTF-16 с меткой BOM или та из cp1251, cp866 и koi8-r, в которой читается русский текст]
arg-import-date_format = Как в файле записаны даты, в стиле strftime: например %d.%m.%y или %m/%d/%Y (%y — это 20ГГ) [по умолчанию: ГГГГ-ММ-ДД, ДД.ММ.ГГГГ, ДД.ММ.ГГ, а Д/М/ГГГГ или М/Д/ГГГГ — как покажет столбец]

about-export = Выгрузить записи в CSV (импорт читает их обратно)
after-export =
    Примеры:
      folio export touchpoints --out touchpoints.csv
      folio export payments --excel --out payments.csv   откроется в Excel
      folio export clients --lang ru --out clients.csv   по-русски
arg-export-kind = Что выгрузить
arg-export-out = Записать в этот файл, а не на стандартный вывод (`-` — стандартный вывод)
arg-export-force = Заменить существующий файл или писать в файл, на который указывает символическая ссылка (но не в базу)
arg-export-excel = Для Excel с русскими настройками: UTF-8 с BOM, `;`, десятичная запятая, ДД.ММ.ГГГГ (импорт читает обратно)

## Файл портфеля

about-backup = Записать согласованную копию портфеля (можно, пока folio открыт)
after-backup =
    Пример:
      folio backup --out ~/backups/portfolio-2026-11.db
arg-backup-out = Куда записать копию [по умолчанию: имя портфеля с .backup-ГГГГММДД]
arg-backup-force = Заменить существующий файл или писать в файл, на который указывает символическая ссылка (но не в базу)

about-check = Проверить целостность файла (код выхода 1 при проблемах)
after-check =
    Пример:
      folio check

about-restore = Заменить портфель его копией (копия сначала проверяется, текущий портфель сохраняется)
after-restore =
    Копия должна быть исправным файлом folio не новее этой версии; более старая обновляется.
    Портфель, каким он был, сохраняется как <портфель>.bak-before-restore (затем -2, -3, ...).

    Примеры:
      folio backups
      folio restore ~/backups/portfolio-2026-11.db
arg-restore-file = Копия, из которой восстановить

about-backups = Резервные копии рядом с портфелем, сначала новые
after-backups =
    Пример:
      folio backups --json
arg-backups-json = Вывести JSON для скриптов (ключи и значения по-английски)

## folio config

about-config = Настройки: портфеля (валюта) и ваши (мышь, язык)
about-config-set = Изменить настройку: currency (портфеля), mouse on|off и lang ru|en|auto (ваши, в файле настроек folio; другой файл задаёт $FOLIO_CONFIG)
after-config-set =
    Примеры:
      folio config set currency EUR
      folio config set mouse off
      folio config set lang ru
arg-config-set-key = Настройка
arg-config-set-value = Новое значение: код валюты (RUB, EUR...), on или off, ru, en или auto

about-config-get = Показать настройку
after-config-get =
    Примеры:
      folio config get currency
      folio config get mouse
arg-config-get-key = Настройка

## Остальное

about-completions = Вывести скрипт автодополнения для оболочки
after-completions =
    Пример:
      folio completions bash > ~/.local/share/bash-completion/completions/folio
arg-completions-shell = Оболочка, для которой нужен скрипт

about-demo = Записать демо-портфель в --db ПУТЬ (файл с данными не трогает)
after-demo =
    Пример:
      folio demo --db /tmp/demo.db

about-report = Сводка к встрече один на один: план, клиенты под угрозой, смены категорий, здоровье портфеля, ближайшие 14 дней
after-report =
    Примеры:
      folio report                       сводка за этот месяц в Markdown на экран
      folio report --month 2026-10 --format json --out briefing.json
arg-report-month = Месяц [по умолчанию: текущий]
arg-report-format = Markdown, JSON для скриптов или простой текст
arg-report-out = Записать в этот файл, а не на стандартный вывод (`-` — стандартный вывод)
arg-report-force = Заменить существующий файл или писать в файл, на который указывает символическая ссылка (но не в базу)

about-gen = Создать синтетический портфель для замеров скорости (файл с данными не трогает)
after-gen =
    Пример:
      folio gen --db /tmp/l.db --clients 10000 --touchpoints 1000000 --months 120
arg-gen-clients = Сколько клиентов
arg-gen-touchpoints = Сколько касаний всего
arg-gen-months = Сколько месяцев истории
arg-gen-seed = Зерно случайных чисел: одно зерно — один и тот же портфель

about-summary = Сводка по портфелю за месяц
after-summary =
    Пример:
      folio summary --today 2026-11-23
