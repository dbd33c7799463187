## Обрамление TUI: названия панелей, заголовок, вкладки, подвал, справка.

pane-portfolio = Портфель
pane-touchpoints = Касания
pane-agreements = Договорённости
pane-plan = План
pane-review = Обзор

tui-too-small = терминал слишком мал: { $width }x{ $height } (нужно не меньше { $min-width }x{ $min-height })
tui-demo-title = демо-портфель
tui-read-only = { $file } (только чтение)
tui-today = сегодня { $date }
tui-no-target = план не задан
# Строка месяца в заголовке: «декабрь 2026: план 72,35 % (поступило 1 200,00 из 1 650,00)».
tui-header-plan = { $month }: план { $attainment } (поступило { $received } из { $target })
tui-card-tab = Карточка клиента (Esc: назад)
tui-filter = фильтр:
tui-form-keys = Tab: следующее поле · Enter: сохранить · Esc: отмена
tui-confirm = Подтверждение
tui-help-title = Клавиши: { $pane }
tui-help-title-card = Клавиши: карточка клиента
tui-help-close = ?/Esc/q закрыть
tui-help-scroll = j/k прокрутка · { $from }-{ $to } из { $total } · ?/Esc/q закрыть
tui-help-board = Портфель
tui-help-mouse = Мышь
mouse-click = щелчок
mouse-click-help = выбирает вкладку, строку или колонку; двойной: Enter
mouse-wheel = колесо
mouse-wheel-help = листает список или карточку под указателем
mouse-drag = Shift+перетаскивание
mouse-drag-help = выделяет текст в большинстве терминалов (при включённой мыши)

## Слова справки по клавишам: подвал показывает слова до « (».

key-panes = портфель, касания, договорённости, план, обзор
key-next-pane = следующая / предыдущая панель
key-picker = перейти к клиенту по имени (буквы по порядку)
key-reload = перечитать файл
key-undo = отменить последнее изменение (до 20)
key-help = справка
key-suspend = приостановить (вернуться: fg)
key-quit = выход
key-move = вниз / вверх
key-first-last = первая / последняя строка
key-page = страница вниз / вверх
key-open-card = открыть карточку клиента
key-tier-column = предыдущая / следующая колонка
key-add-client-here = добавить клиента (в эту колонку)
key-edit-client = изменить клиента
key-change-tier-reason = сменить категорию клиента (с причиной)
key-change-status-client = сменить статус клиента (активный, на паузе, ушёл)
key-sort = сортировка: выручка, давность касания, имя
key-delete-client = удалить клиента (спросит)
key-filter-name = фильтр по имени (Esc сбрасывает)
key-clear-filter = сбросить фильтр
key-open-its-card = открыть карточку клиента
key-add-touchpoint = записать касание
key-edit-touchpoint = изменить касание
key-delete-touchpoint = удалить касание (спросит)
key-client-scope = все клиенты / только выбранный в портфеле
key-filter-log = фильтр журнала (Esc сбрасывает)
key-mark-kept = выполнена
key-mark-broken = нарушена
key-mark-cancelled = отменена
key-add-agreement = добавить договорённость
key-edit-agreement = изменить договорённость
key-delete-agreement = удалить договорённость (спросит)
key-filter-agreements = фильтр договорённостей (Esc сбрасывает)
key-month = предыдущий / следующий месяц
key-set-target = задать план на месяц
key-add-payment = записать поступление
key-add-invoice = добавить ожидаемый платёж
key-section = предыдущий / следующий раздел (j/k листают его)
key-open-risk-card = открыть карточку клиента под риском
key-write-report = сохранить сводку в Markdown (спросит куда)
key-add-client = добавить клиента
key-figure-rows = строки (счета или платежи за цифрой)
key-card = карточка (карточка клиента)
key-to-figures = выше первого клиента: цифры месяца (Enter покажет их строки)
key-edit-client-details = изменить данные клиента
key-edit-row = изменить (платёж или ожидаемый платёж)
key-delete-row = удалить (спросит)
key-back-figures = назад к цифрам
key-day-show = показать платежи дня
key-day-hide = скрыть платежи дня
key-day-hide-them = скрыть их
key-back-list = назад к списку
key-scroll-down-up = прокрутка вниз / вверх
key-card-top-end = начало / конец карточки
key-add-contact = добавить контактное лицо
key-next-contact = отметить следующий контакт (▸)
key-edit-contact = изменить отмеченный контакт
key-delete-contact = удалить отмеченный контакт (спросит)
key-change-tier = сменить категорию
key-change-status = сменить статус (активный, на паузе, ушёл)
key-keep-filter = оставить фильтр
key-clear-it = сбросить
key-move-list = по списку
key-delete-letter = стереть букву
key-delete-word = стереть слово
key-delete-all = стереть всё
key-pick-open = открыть карточку клиента
key-cancel = отмена
key-move-matches = по найденным
key-save = сохранить
key-next-field = следующее / предыдущее поле
key-cursor = курсор; в выборе: другие значения
key-field-home-end = начало / конец поля
key-delete-before = стереть перед курсором
key-delete-under = стереть под курсором
key-complete = дополнить имя клиента
key-delete-to-start = стереть до начала
key-yes = да
key-no = нет (и любая другая клавиша)
key-scroll = прокрутка
key-top-end = начало / конец
key-close-help = закрыть справку

## Выводится в stderr, когда закрывается TUI демо-портфеля.
tui-demo-farewell = Это было демо: его изменения не сохранились. Сохранить демо в файл: `folio demo --db FILE`.
# Файл настроек не читается: его ошибка (с файлом и строкой), затем это.
tui-config-broken = { $error } (взяты настройки по умолчанию)

## Слова предметной области на экране (src/tui/words.rs).
tui-tier-gold = золотые
tui-tier-potential = перспективные
tui-tier-toxic = токсичные
tui-status-active = активный
tui-status-paused = на паузе
tui-status-churned = ушёл
tui-kind-call = звонок
tui-kind-meeting = встреча
tui-kind-email = письмо
tui-kind-message = мессенджер
tui-kind-report = отчёт
tui-kind-other = другое
tui-owner-us = за нами
tui-owner-client = за клиентом
tui-agreement-open = открыта
tui-agreement-kept = выполнена
tui-agreement-broken = нарушена
tui-agreement-cancelled = отменена

## В любой панели.
tui-loading = загрузка…
tui-no-match = ничего не найдено
tui-nothing-to-edit = здесь нечего изменить
tui-nothing-to-delete = здесь нечего удалить

## Портфель.
board-legend-roomy = 2-я строка: выручка 12 мес. · доля · дней без касания (~ пора, ! просрочено) · договорённости: просрочены · нарушены
board-legend-narrow = выручка · доля · дней без касания (~ пора, ! просроч.) · дог.: проср., нар.
board-legend-line2 = 2-я строка
board-legend-line2-help = выручка за 12 мес., доля, дней с последнего касания, договорённости
board-legend-due = ~
board-legend-due-help = сегодня пора коснуться (по частоте касаний клиента)
board-legend-past = !
board-legend-past-help = частота касаний нарушена: без касания дольше положенного
board-legend-never-help = касаний ещё не было
board-legend-overdue-help = открытые договорённости после срока (узко: проср.)
board-legend-broken-help = нарушенные договорённости (узко: нар.)
board-never = никогда
board-agr-overdue = дог. просрочено
board-late = проср.
board-broken = нарушено
board-br = нар.
board-sort = сортировка: { $sort }
board-sorted = сортировка: { $sort }
board-sort-revenue = выручка
board-sort-neglect = давность касания
board-sort-name = имя
board-empty = нет клиентов
board-empty-focused = нет клиентов: a добавит

## Карточка клиента.
card-title = Карточка клиента · j/k прокрутка · e изменить · t категория · Esc назад
card-no-contacts-yet = контактов ещё нет: a добавит
card-one-contact = контактное лицо одно: E и D действуют на него
card-no-contact-to-edit = нет контакта, чтобы изменить
card-no-contact-to-delete = нет контакта, чтобы удалить
card-delete-contact = Удалить контакт { $name }? y/n
card-decides = ЛПР
card-birthday = день рождения
card-since = клиент с { $date }
card-cadence-line = частота касаний { $cadence } · канал { $channel } · цель: { $goal }
card-no-goal = - (ещё не согласована)
card-aliases = другие написания:
card-notes = заметки:
card-never-touched = касаний не было
card-since-touch = { $days } с последнего касания
card-since-touch-due = { $days } с последнего касания (пора)
card-since-touch-past = { $days } с последнего касания (частота нарушена)
card-money-line = выручка 12 мес. { $revenue } { $currency } (доля { $share }) · за всё время { $lifetime } · не оплачено { $outstanding } ·{" "}
card-overdue = просрочено { $amount }
card-time-line = {" "}· { $minutes } мин за 12 мес. · в час { $per-hour }
card-contacts = Контакты
card-no-contacts = нет: один контакт на клиенте — это риск
card-tier-history = История категорий
card-recent-touchpoints = Последние касания ({ $shown } из { $total })
card-by = до
card-agreement-overdue = ПРОСРОЧЕНА
card-due = срок
card-invoices = Ожидаемые платежи (сначала новые)
card-balance = остаток
card-payments = Поступления (сначала новые)
card-minutes = { $n } мин
tui-searching = поиск…
# Место в списке в его заголовке: «3 из 120», «3 из 100+ (подсчёт…)».
tui-position = { $at } из { $total }
tui-position-counting = { $at } из { $total }+ (подсчёт…)

## Журнал касаний.
log-all-clients = все клиенты
log-only = только { $name }
log-select-client-first = сначала выберите клиента в портфеле
log-delete = Удалить касание от { $date } «{ $summary }»? y/n
log-date = Дата
log-client = Клиент
log-kind = Вид
log-min = Мин
log-summary = Содержание
log-next-step = Следующий шаг
log-due = Срок
log-empty = касаний ещё нет: a запишет первое
log-no-match = ни одно касание не подходит под фильтр

## Договорённости.
agr-mark = Отметить «{ $text }» как «{ $status }»? y/n
agr-already = уже { $status }
agr-none-selected = договорённость не выбрана
agr-delete = Удалить договорённость «{ $text }»? y/n
agr-tally = открытых: { $open }, просроченных: { $overdue } · показано: { $shown }
agr-status = Статус
agr-owed-by = За кем
agr-agreement = Договорённость
agr-made = Заключена
agr-closed = Закрыта

## План.
plan-figure-edit = Enter покажет записи за цифрой; e и x действуют на одну из них
plan-target = План
plan-received = Поступило
plan-expected = Ожидается
plan-outstanding = Не оплачено
plan-overdue = Просрочено
plan-forecast = Прогноз
plan-all-overdue = Вся просрочка
plan-no-target = - (p задаст)
plan-all-months = все месяцы
plan-forecast-note = прогноз = поступило + остатки в срок
# Заголовок цифр: «декабрь 2026 · RUB · ещё 27 дней · [ ]» (в 42 колонки).
plan-title = { $month } · { $currency } · ещё { $left } · [ ]
plan-clients-in = Клиенты, { $month }
plan-col-expected = Ожидается
plan-col-received = Поступило
plan-col-outstanding = Не оплачено
plan-col-overdue = Просрочено
plan-col-forecast = Прогноз
plan-col-revenue = Выручка 12 мес
plan-col-share = Доля 12 мес
plan-history = { $n } мес.: поступило █ / план │

## Записи за цифрой плана.
rows-delete-invoice = Удалить ожидаемый платёж { $amount } от { $client } за { $month }, срок { $due }? y/n
rows-delete-payment = Удалить поступление { $amount } от { $client } от { $date }? y/n
rows-payments = { $n ->
    [one] { $n } платёж
    [few] { $n } платежа
   *[many] { $n } платежей
}
rows-invoices = { $n ->
    [one] { $n } счёт
    [few] { $n } счёта
   *[many] { $n } счетов
}
rows-title = { $figure }, { $month } · { $what }
rows-back = Esc: назад
rows-bottom = { $at } из { $total } · итого { $amount } · Esc: назад
rows-no-payments = за этой цифрой нет платежей
rows-no-invoices = за этой цифрой нет счетов
rows-amount = Сумма
rows-note = Примечание
rows-balance = Остаток
rows-paid = оплачен
rows-late = проср. { $days }д

## Сообщения после изменения и то, что отменит `u` («Отменено: ...»).
toast-agreement-reopened = договорённость «{ $text }» снова открыта
toast-agreement-marked = договорённость отмечена: { $status }
toast-new-client-removed = новый клиент { $name } (удалён)
toast-added-client = добавлен клиент { $name }
toast-edit-of = изменение клиента { $name }
toast-saved-client = Сохранён клиент { $name }
toast-tier-back = категория клиента { $name } снова: { $was }
toast-tier-of = категория клиента { $name }
toast-status-back = статус клиента { $name } снова: { $was }
toast-status-of = статус клиента { $name }
toast-is-now = { $name }: теперь { $now }
toast-new-contact-removed = новый контакт { $name } у клиента { $client } (удалён)
toast-added-contact = Добавлен контакт { $name } у клиента { $client }
toast-saved-contact = Сохранён контакт { $name } у клиента { $client }
toast-edit-of-contact = изменение контакта { $name } у клиента { $client }
toast-new-touchpoint-removed = новое касание с клиентом { $client } (удалено)
toast-saved-touchpoint = Сохранено касание с клиентом { $client }
toast-edit-of-touchpoint = изменение касания с клиентом { $client }
toast-new-agreement-removed = новая договорённость с клиентом { $client } (удалена)
toast-saved-agreement = Сохранена договорённость с клиентом { $client }
toast-edit-of-agreement = изменение договорённости с клиентом { $client }
toast-target = план на { $month }: { $amount }
toast-new-payment-removed = поступление { $amount } от { $client } (удалено)
toast-recorded-payment = Записано поступление { $amount } от { $client }
toast-saved-payment = Сохранено поступление { $amount } от { $client }
toast-edit-of-payment = изменение поступления от { $client }
toast-saved-invoice = Сохранён ожидаемый платёж { $amount } от { $client } за { $month }
toast-edit-of-invoice = изменение ожидаемого платежа от { $client }
toast-new-invoice-removed = ожидаемый платёж { $amount } от { $client } (удалён)
toast-expecting = Ожидается { $amount } от { $client } за { $month }
toast-nothing-changed = Ничего не изменилось
toast-deleted-client-backup = клиент { $name } удалён (копия: { $backup })
toast-deleted-client = клиент { $name } удалён
toast-delete-of-client = удаление клиента { $client }
toast-delete-of-contact = удаление контакта клиента { $client }
toast-delete-of-touchpoint = удаление касания с клиентом { $client }
toast-delete-of-agreement = удаление договорённости с клиентом { $client }
toast-delete-of-payment = удаление поступления от { $client }
toast-delete-of-invoice = удаление ожидаемого платежа от { $client }
toast-deleted-client-kind = клиент удалён
toast-deleted-contact = контакт удалён
toast-deleted-touchpoint = касание удалено
toast-deleted-agreement = договорённость удалена
toast-deleted-payment = поступление удалено
toast-deleted-invoice = ожидаемый платёж удалён
toast-undid = Отменено: { $what }

## Обзор.
review-building = готовится сводка…
review-at-risk = Под риском
review-no-risk = Ни у одного клиента нет признаков риска.
review-points = О чём поговорить
review-no-points = говорить не о чем
review-moves = Смена категорий
review-no-moves = в этом месяце не было
review-next = Ближайшие 14 дней
review-nothing-due = сроков нет
review-payments-due = { $n ->
    [one] { $n } платёж к оплате
    [few] { $n } платежа к оплате
   *[many] { $n } платежей к оплате
}
review-month-left = { $month } · осталось { $left }
review-attainment = { $percent } из { $target }
review-received = поступило
review-expected = ожидается
review-outstanding = не оплачено
review-overdue = просрочено
review-forecast = прогноз
review-forecast-note = прогноз = поступило + остатки, ещё не просроченные
review-chart = 12 мес.: выполнение плана, %, ─ 100 %
review-write-exists = Файл { $path } уже есть. Заменить его? y/n
review-write-symlink = { $path } — символическая ссылка. Записать в файл, на который она указывает? y/n
review-wrote = сводка записана в { $path }

## Переход к клиенту по имени.
picker-title = Перейти к клиенту ({ $found }/{ $all })
picker-keys = ↑↓ выбор · Enter открыть · Esc закрыть
picker-none = ни один клиент не подходит

## Формы: подписи полей (src/tui/words.rs), выбор да/нет, заголовки.
form-agreement = Договорённость
form-amount = Сумма
form-birthday = День рождения
form-cadence = Частота касаний (дней)
form-channel = Канал
form-client = Клиент
form-date = Дата
form-decides = ЛПР
form-due = Срок
form-email = Эл. почта
form-file = Файл
form-goal = Цель
form-kind = Вид
form-made-on = Заключена
form-minutes = Минут
form-month = Месяц
form-name = Название
form-next-due = Срок шага
form-next-step = Следующий шаг
form-note = Примечание
form-notes = Заметки
form-on = Дата
form-owed-by = За кем
form-person = Контактное лицо
form-phone = Телефон
form-reason = Причина
form-role = Должность
form-since = Клиент с
form-status = Статус
form-summary = Содержание
form-target = План
form-tier = Категория
form-yes = да
form-no = нет
form-title-add-client = Новый клиент
form-title-edit-client = Изменить: { $name }
form-title-change-tier = Сменить категорию: { $name }
form-title-change-status = Сменить статус: { $name }
form-title-edit-contact = Изменить контакт { $name }
form-title-add-contact = Новый контакт: { $name }
form-title-add-payment = Записать поступление
form-title-edit-payment = Изменить поступление
form-title-add-invoice = Новый ожидаемый платёж
form-title-edit-invoice = Изменить ожидаемый платёж
form-title-target = План на { $month }
form-title-edit-touchpoint = Изменить касание
form-title-add-touchpoint = Записать касание
form-title-edit-agreement = Изменить договорённость
form-title-add-agreement = Новая договорённость
form-title-write-briefing = Записать сводку в файл
form-required = обязательное поле
form-too-long = слишком длинно
form-required-date = обязательное поле (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)
form-no-such-client = нет такого клиента
tui-cancelled = отменено
tui-nothing-to-filter = здесь нечего фильтровать
tui-nothing-to-undo = Отменять нечего
tui-no-client-selected = клиент не выбран
board-delete-client = Удалить клиента { $name } со всеми записями? u это не отменит; клиент с записями сначала копируется, для folio restore. y/n
