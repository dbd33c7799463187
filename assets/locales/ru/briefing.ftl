## Сводка к встрече один на один (`folio report`, Markdown и текст, и
## панель обзора): заголовки, шапки таблиц, постоянные строки и все фразы
## со значениями. `src/format/briefing.rs` и `src/format/reason.rs` только
## выбирают сообщение и передают значения.
##
## Значения: суммы, проценты и даты приходят готовыми ($outstanding,
## $share, $date), количества — числами. Число выбирает форму слова
## ({ $n -> [one] 1, 21 [few] 2-4, 22 *[many] 0, 5-20, 25 }; в родительном
## падеже «у 1 клиента, у 5 клиентов» хватает [one] и *[other]);
## { GROUPED($n) } пишет число с разрядами (1 095), { $n } — голыми
## цифрами (1095). {"\u00A0"} — неразрывный пробел (перед %).

briefing-title = Сводка к встрече один на один: { $month }
briefing-as-of = На { $date } · суммы в { $currency }
briefing-text-title = СВОДКА К ВСТРЕЧЕ ОДИН НА ОДИН: { $month } · на { $date } · { $currency }
briefing-plan = 1. План
briefing-target = План
briefing-received = Поступило
briefing-expected = Ожидается
briefing-outstanding = Не оплачено
briefing-overdue = Просрочено
briefing-attainment = Выполнение плана
briefing-attained = Выполнение
briefing-forecast = Прогноз
briefing-forecast-month-end = Прогноз на конец месяца
briefing-days-left = До конца месяца { $days }. Прогноз: { $basis }.
briefing-text-forecast-note = ({ $basis }; до конца месяца { $days })
briefing-previous = Предыдущие 11 месяцев
briefing-month = Месяц
briefing-at-risk = 2. Клиенты под риском
briefing-no-risk = Сигналов риска ни по одному клиенту нет.
briefing-tier-moves = 3. Смена категорий за месяц
briefing-no-tier-moves = В этом месяце категории клиентов не менялись.
briefing-none = Нет.
briefing-date = Дата
briefing-client = Клиент
briefing-from = Было
briefing-to = Стало
briefing-reason = Причина
briefing-health = 4. Здоровье портфеля
briefing-time-eaters = Клиенты, съедающие время (меньше всего выручки на час работы):
briefing-revenue-per-hour = Выручка за час
briefing-revenue-12m = Выручка за 12 мес.
briefing-minutes-12m = Минут за 12 мес.
briefing-by-tier = Внимание и отдача по категориям:
briefing-tier = Категория
briefing-clients = Клиентов
briefing-revenue-share = Доля выручки
briefing-minutes-share = Доля вашего времени
briefing-text-revenue = выручка
briefing-text-minutes = время
briefing-no-lost = За последние 12 месяцев оттока не было.
briefing-lost = Отток за последние 12 месяцев:
briefing-next-14-days = 5. Ближайшие 14 дней
briefing-nothing-due-14 = На ближайшие 14 дней ничего не запланировано.
briefing-nothing-due = Ничего не запланировано.
briefing-what = Что
briefing-detail = Подробности
briefing-amount = Сумма
briefing-talking-points = 6. О чём поговорить

## Слова внутри фраз и в ячейках таблиц.

briefing-upcoming-next-step = следующий шаг
briefing-upcoming-agreement = договорённость
briefing-upcoming-invoice = платёж
briefing-upcoming-birthday = день рождения
briefing-gap-goal = цель
briefing-gap-cadence = частота касаний
briefing-gap-decision-maker = ЛПР

# Что считает прогноз, где бы он ни был показан.
briefing-forecast-basis = поступило + не просроченные остатки по счетам этого месяца

## О чём поговорить: по сообщению на каждый вид пункта.

briefing-point-plan = Выполнение плана { $attainment }, до конца месяца { $days-left ->
    [one] { GROUPED($days-left) } день
    [few] { GROUPED($days-left) } дня
   *[many] { GROUPED($days-left) } дней
}; не оплачено { $outstanding }{"\u00A0"}{ $currency } у { $clients ->
    [one] { GROUPED($clients) } клиента
   *[other] { GROUPED($clients) } клиентов
}, прогноз { $forecast } ({ briefing-forecast-basis }).
briefing-point-no-target = План на { $month } не задан: поступило { $received }{"\u00A0"}{ $currency }, прогноз { $forecast }.
briefing-point-gold-not-contacted = Золотой клиент { $client }: нет касаний { $days ->
    [one] { GROUPED($days) } день
    [few] { GROUPED($days) } дня
   *[many] { GROUPED($days) } дней
} (частота касаний — раз в { $cadence ->
    [one] { GROUPED($cadence) } день
    [few] { GROUPED($cadence) } дня
   *[many] { GROUPED($cadence) } дней
}).
briefing-point-gold-never-contacted = Золотой клиент { $client }: ни одного касания (частота касаний — раз в { $cadence ->
    [one] { GROUPED($cadence) } день
    [few] { GROUPED($cadence) } дня
   *[many] { GROUPED($cadence) } дней
}).
briefing-point-overdue-receivables = Просроченная дебиторская задолженность { $total }{"\u00A0"}{ $currency } у { $clients ->
    [one] { GROUPED($clients) } клиента
   *[other] { GROUPED($clients) } клиентов
}; больше всего у { $largest } ({ $largest-amount }).
briefing-point-concentration = { $client } приносит { $share } выручки за 12 месяцев: риск концентрации, нужен план на случай ухода.
briefing-point-tier-move = Смена категории: { $client } { $from } → { $to } ({ $reason }).
briefing-point-going-quiet = { $client } затихает: касаний меньше, выручка не растёт.
briefing-point-time-eater = Съедает время: { $client } приносит { $amount }{"\u00A0"}{ $currency } за час вашего времени ({ GROUPED($minutes) } мин за 12 месяцев); пересмотреть формат работы?
briefing-point-grow = Точка роста — { $client } ({ $tier }): выручка за последние 3 месяца выросла на { $growth }{"\u00A0"}%; обсудить следующий шаг в отношениях.
briefing-point-clients-lost = Отток за 12 месяцев: { $count ->
    [one] { GROUPED($count) } клиент
    [few] { GROUPED($count) } клиента
   *[many] { GROUPED($count) } клиентов
} — { $clients }.
# Один из ушедших клиентов в списке выше (через «; »).
briefing-point-lost-client = { $client } ({ $reason })

## Подробности дела на ближайшие 14 дней.

briefing-due-agreement-ours = { $text } (за нами)
briefing-due-agreement-theirs = { $text } (за клиентом)
briefing-due-invoice = ожидаемый платёж за { $month }
briefing-due-birthday = { $contact }, { $role }

## Здоровье портфеля. $warning — "yes", когда один клиент даёт больше 40 %.

briefing-concentration = Крупнейший клиент: **{ $client }**, { $share } выручки за 12 месяцев ({ $revenue }{"\u00A0"}{ $currency }); 80{"\u00A0"}% выручки — у { GROUPED($top) } { $top ->
    [one] клиента
   *[other] клиентов
} из { GROUPED($clients) }.{ $warning ->
    [yes] {" "}**Внимание: больше 40{"\u00A0"}% выручки от одного клиента.**
   *[no] {""}
}
briefing-concentration-text = Крупнейший клиент { $client }: { $share } выручки; 80{"\u00A0"}% — у { GROUPED($top) } { $top ->
    [one] клиента
   *[other] клиентов
}{ $warning ->
    [yes] {"  "}ВНИМАНИЕ: больше 40{"\u00A0"}%
   *[no] {""}
}
briefing-no-revenue = За последние 12 месяцев поступлений не было.
briefing-time-eater-line = Съедает время { $client }: { $amount } за час ({ GROUPED($minutes) } мин)
briefing-lost-line = { $client }, { $date }: { $reason }
briefing-lost-line-text = Отток: { $client }, { $date }: { $reason }

## Почему клиент под риском (после его имени, со строчной буквы).

reason-past-cadence = нет касаний { $days ->
    [one] { GROUPED($days) } день
    [few] { GROUPED($days) } дня
   *[many] { GROUPED($days) } дней
} (частота — раз в { $cadence ->
    [one] { GROUPED($cadence) } день
    [few] { GROUPED($cadence) } дня
   *[many] { GROUPED($cadence) } дней
}, просрочка { $over ->
    [one] { GROUPED($over) } день
    [few] { GROUPED($over) } дня
   *[many] { GROUPED($over) } дней
})
reason-never-contacted = касаний не было ни разу (частота — раз в { $cadence ->
    [one] { GROUPED($cadence) } день
    [few] { GROUPED($cadence) } дня
   *[many] { GROUPED($cadence) } дней
}, просрочка { $over ->
    [one] { GROUPED($over) } день
    [few] { GROUPED($over) } дня
   *[many] { GROUPED($over) } дней
})
reason-overdue-agreements = просроченные договорённости: { $theirs ->
    [0] { $ours } за нами
   *[other] { $ours ->
        [0] { $theirs } за клиентом
       *[other] { $ours } за нами, { $theirs } за клиентом
    }
}
reason-broken-agreements = { $count ->
    [one] { GROUPED($count) } нарушенная договорённость
    [few] { GROUPED($count) } нарушенные договорённости
   *[many] { GROUPED($count) } нарушенных договорённостей
} за { $days ->
    [one] { GROUPED($days) } день
    [few] { GROUPED($days) } дня
   *[many] { GROUPED($days) } дней
} (со стороны клиента — { $by-client }, с нашей — { $by-us })
reason-overdue-receivables = просроченная дебиторская задолженность { $amount }
reason-revenue-down = выручка падает: { $last } за последние 3 месяца против { $previous } за 3 месяца до них
reason-silent-decline = клиент затихает: { $last ->
    [one] { GROUPED($last) } касание
    [few] { GROUPED($last) } касания
   *[many] { GROUPED($last) } касаний
} за 60 дней против { $previous } за предыдущие 60, выручка не растёт
reason-single-thread = один контакт на клиенте
reason-single-thread-no-decision-maker = один контакт на клиенте ({ $contacts ->
    [one] { GROUPED($contacts) } контакт
    [few] { GROUPED($contacts) } контакта
   *[many] { GROUPED($contacts) } контактов
}), ЛПР неизвестен
# $missing: слова пробелов анкеты выше, через «, ».
reason-onboarding-gaps = новый клиент ({ $days }-й день): не заполнены { $missing }
