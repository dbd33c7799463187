## Слова при числах: `format::count` ставит число перед ними.
## $n выбирает форму: one (1, 21), few (2-4, 22), many (0, 5-20, 25).

noun-agreement = { $n ->
    [one] договорённость
    [few] договорённости
   *[many] договорённостей
}
noun-bad-row = { $n ->
    [one] строка с ошибкой
    [few] строки с ошибками
   *[many] строк с ошибками
}
noun-client = { $n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
}
noun-day = { $n ->
    [one] день
    [few] дня
   *[many] дней
}
noun-invoice = { $n ->
    [one] счёт
    [few] счёта
   *[many] счетов
}
noun-line = { $n ->
    [one] строка
    [few] строки
   *[many] строк
}
noun-new-client = { $n ->
    [one] новый клиент
    [few] новых клиента
   *[many] новых клиентов
}
noun-payment = { $n ->
    [one] платёж
    [few] платежа
   *[many] платежей
}
noun-problem = { $n ->
    [one] проблема
    [few] проблемы
   *[many] проблем
}
noun-record = { $n ->
    [one] запись
    [few] записи
   *[many] записей
}
noun-row = { $n ->
    [one] строка
    [few] строки
   *[many] строк
}
noun-touchpoint = { $n ->
    [one] касание
    [few] касания
   *[many] касаний
}
