# Формулировки замечаний к ответам и отчётов, на русском языке.
# Одно сообщение на вид замечания; `.label` пишется под фрагментом, `.help` говорит, что делать.
# Идентификаторы, коды и значения остаются такими, как они написаны в ответе.

## Ответ в целом

reply-not-a-table = ответ должен быть таблицей разделов, а не { $value }
    .help = начните с `canvass template { $questionnaire }`
reply-names-other = в ответе указано { $key } { $value }, но здесь { $key } "{ $expected }"
    .label = ожидалось "{ $expected }"
    .help = напишите `{ $key } = "{ $expected }"` в начале ответа
reply-names-none = в ответе не указано, на какой { $key } он отвечает
    .label = ожидалось "{ $expected }"
    .help = напишите `{ $key } = "{ $expected }"` в начале ответа
unknown-section = `{ $key }` не является разделом этого вопросника
    .label = неизвестно
section-not-a-table = раздел `{ $section }` должен быть таблицей ответов, а не { $value }
    .help = напишите ответы под заголовком `[{ $section }]`
unknown-question = в разделе `{ $section }` нет вопроса `{ $key }`
    .label = неизвестно
help-move-to-section = `{ $key }` — вопрос раздела { $sections }: перенесите его туда
help-did-you-mean-section = может быть, имелся в виду раздел `{ $near }`?
help-sections-are = разделы: { $ids }
help-did-you-mean = может быть, имелось в виду `{ $near }`?
help-questions-are = вопросы раздела `{ $section }`: { $ids }
list-or = { $first } или { $second }

explanations-not-a-table = `explanations` должно быть таблицей из идентификатора правила в текст, а не { $value }
    .help = напишите `[explanations]`, затем по строке на правило: `rule_id = "почему ответы верны"`
explanation-unknown = `{ $key }` — не правило, которое этот ответ может пояснить
    .label = не правило, допускающее пояснение
help-explain-error-rule = правило `{ $rule }` — ошибка: исправьте ответы, которые оно читает; пояснить можно только предупреждения и правила, требующие пояснения
help-explainable-none = в этом вопроснике нет правил, которые ответ может пояснить
help-explainable-rules = пояснить можно правила { $ids }
explanation-not-text = пояснение — это текст, а не { $value }
    .help = напишите в кавычках, почему ответы верны

## Недостающие и лишние ответы

missing-answer = вопрос { $number } обязателен, но ответа на него нет
    .label = ответ на { $number } должен быть в этом разделе
missing-answer-because = вопрос { $number } обязателен, поскольку выполнено `{ $condition }`, но ответа на него нет
    .label = ответ на { $number } должен быть в этом разделе
missing-section = в ответе нет раздела [{ $section }]
not-applicable = на вопрос { $number } дан ответ, но он применим, только если `{ $condition }`
    .label = должен остаться без ответа
    .help = удалите этот ответ или исправьте ответ, от которого он зависит
why-required = , что делает его обязательным
why-not-applicable = , поэтому он не применим
related-value = { $id } = { $value }{ $why }
related-code = { $id } = "{ $code }" (код){ $why }
related-previous = в предыдущем цикле { $id } было { $value }
related-blank = на { $id } нет ответа{ $why }
related-computed = { $id } = { $value } (вычислено){ $why }
related-not-computed = { $id } нельзя вычислить: не хватает ответов, которые оно читает{ $why }
related-sums = { $sums } по { $rows ->
        [one] { $rows } строке
       *[other] { $rows } строкам
    }
missing-specify = в вопросе { $number } выбрано "{ $option }", но `{ $specify }` не уточняет, что это
    .label = `{ $specify }` должно быть в этом разделе
    .help = добавьте `{ $specify } = "…"` с описанием "{ $option }"
missing-specify-cell = в { $row } выбрано "{ $option }" в `{ $column }`, но `{ $specify }` не уточняет, что это
    .label = `{ $specify }` должно быть в этой строке
    .help = добавьте в строку `{ $specify } = "…"` с описанием "{ $option }"
unexpected-specify = `{ $specify }` дано, но ни один вариант вопроса { $number }, который его требует, не выбран
    .label = нечего уточнять
    .help = удалите его или выберите вариант, который оно описывает
specify-not-text = `{ $specify }` должно быть текстом, а не { $value }
    .help = опишите вариант словами

## Значения

wrong-type = ожидалось { $want }, но ответ — { $value }
    .label = не { $want }
wrong-type-number-as-text = ожидалось { $want }, но ответ — { $value }, число, записанное как текст
    .label = не { $want }
    .help = запишите его как число, без кавычек, пробелов и разделителей тысяч: { $number }
want-yes-no = true или false
want-choice = один вариант, текстом
want-multi = список вариантов
want-text = текст
want-integer = целое число
want-number = число
want-date = дата
want-time = время суток, текстом
want-year = год
want-country = код страны, текстом
want-table = список строк
not-an-option = "{ $value }" не является одним из вариантов
    .label = не вариант
not-an-option-near = "{ $value }" не является одним из вариантов; может быть, имелось в виду "{ $near }"?
    .label = не вариант
code-not-accepted = код "{ $value }" существует, но вопрос { $number } принимает только { $codes }
    .label = здесь не принимается
code-not-accepted-none = код "{ $value }" существует, но вопрос { $number } не принимает кодов
    .label = здесь не принимается
chosen-twice = "{ $value }" выбрано более одного раза
    .label = выбрано снова здесь
choice-not-text = каждый выбор должен быть вариантом, текстом, а не { $value }
    .label = не вариант
more-in-list = { $message } (и ещё проблем в этом списке: { $more })
exclusive-option = "{ $option }" нельзя сочетать с другими вариантами
    .label = выбрано вместе с другими
    .help = выберите только "{ $option }" или удалите его и оставьте остальные варианты
too-few-choices = { $count ->
        [one] дан { $count } вариант
        [few] дано { $count } варианта
       *[other] дано { $count } вариантов
    }; нужно не менее { $min }
    .label = { $count ->
        [one] { $count } вариант
        [few] { $count } варианта
       *[other] { $count } вариантов
    }
too-many-choices = { $count ->
        [one] дан { $count } вариант
        [few] дано { $count } варианта
       *[other] дано { $count } вариантов
    }; допускается не более { $max }
    .label = { $count ->
        [one] { $count } вариант
        [few] { $count } варианта
       *[other] { $count } вариантов
    }
too-few-rows = { $count ->
        [one] дана { $count } строка
        [few] дано { $count } строки
       *[other] дано { $count } строк
    }; нужно не менее { $min }
    .label = { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    }
too-many-rows = { $count ->
        [one] дана { $count } строка
        [few] дано { $count } строки
       *[other] дано { $count } строк
    }; допускается не более { $max }
    .label = { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[other] { $count } строк
    }
control-character = ответ содержит управляющий символ { $character }, который ни одна форма не позволяет ввести
    .label = управляющий символ
too-long = длина ответа — { $length } символов; допускается не более { $max }
    .label = слишком длинный
too-short = длина ответа — { $length } символов; нужно не менее { $min }
    .label = слишком короткий
no-pattern-match = ответ не имеет ожидаемой формы
    .label = не соответствует шаблону
not-an-email = "{ $value }" — не адрес электронной почты
    .label = не адрес электронной почты
not-a-country = "{ $value }" — не код страны ISO 3166-1 alpha-3
    .label = не код страны
not-a-time = "{ $value }" — не время суток в записи hh:mm (09:30, 17:45)
    .label = не время
not-a-country-near = "{ $value }" — не код страны ISO 3166-1 alpha-3; может быть, имелось в виду "{ $near }"?
    .label = не код страны
too-many-digits = в числе { $value } { $digits } значащих цифр; canvass точно оценивает числа не более чем с { $most }
    .label = нельзя оценить точно
    .help = округлите ответ не более чем до { $most } значащих цифр
too-large-to-judge = число { $value } слишком велико или слишком мало для точной оценки; canvass хранит числа меньше 10^{ $most } не более чем с { $most } знаками после запятой
    .label = нельзя оценить точно
    .help = запишите ответ без показателя степени, в этих пределах
below-minimum = { $value }{ $unit } меньше минимума { $min }{ $unit }
    .label = вне диапазона
above-maximum = { $value }{ $unit } больше максимума { $max }{ $unit }
    .label = вне диапазона
date-form = "{ $value }" — не дата в записи YYYY-MM-DD
    .label = не дата
date-no-month = "{ $value }" — несуществующая дата: месяца { $month } нет
    .label = не дата
date-no-day = "{ $value }" — несуществующая дата: в этом месяце { $days } дней
    .label = не дата
date-too-early = { $value } раньше самой ранней допустимой даты, { $min }
    .label = вне диапазона
date-too-late = { $value } позже самой поздней допустимой даты, { $max }
    .label = вне диапазона

## Таблицы

rows-over-limit = строк: { $count }, больше предела canvass в { $limit }
    .help = поднимите предел с помощью --max-rows, если этот ответ подлинный
row-not-a-table = { $row } должна быть таблицей столбцов, а не { $value }
    .label = не строка
unknown-column = в { $row } есть столбец `{ $key }`, которого нет в таблице
    .label = неизвестный столбец
help-columns-near = может быть, имелось в виду `{ $near }`? столбцы: { $ids }
help-columns-are = столбцы: { $ids }
missing-cell = в { $row } нет `{ $column }`, а он нужен в каждой строке
    .label = в этой строке нет `{ $column }`
missing-cell-because = в { $row } нет `{ $column }`, а он обязателен, поскольку в этой строке выполнено `{ $condition }`
    .label = в этой строке нет `{ $column }`
cell-not-applicable = в { $row } есть `{ $column }`, но в строке он применим, только если `{ $condition }`
    .label = в этой строке должен остаться без ответа
    .help = удалите эту ячейку или исправьте ответ, от которого она зависит
computed-answered = `{ $id }` вычисляется вопросником, поэтому на него не отвечают
    .label = вычисляется, а не заполняется
    .help = удалите этот ответ: canvass вычисляет `{ $id }` как `{ $compute }`
duplicate-row = в строках { $first } и { $row } одинаковое { $key }: { $value }
    .label = как в одной из прежних строк
    .help = у каждой строки должно быть своё { $key }: объедините две строки или исправьте одну
duplicate-row-first = в строке { $first } оно встречается впервые

row-missing = нет { $row }: эта таблица задаёт свои строки заранее ({ $rows })
    .help = добавьте строку, в которой `{ $column }` равно { $key }
row-not-given = { $value } не входит в строки, которые эта таблица задаёт заранее ({ $rows })
    .help = исправьте ключ или удалите строку
row-number = строка { $number }
row-key = строка для { $key }

## Правила

rule-failed = { $message } ({ $values })
    .help = правило `{ $rule }` требует { $check }
rule-failed-in-row = { $row }: { $message } ({ $values })
    .help = правило `{ $rule }` требует { $check } в каждой строке
rule-failed-nowhere = { $message }
    .help = правило `{ $rule }` требует { $check }
rule-not-checked = не проверено: { $message } ({ $values })
    .help = правило `{ $rule }` ({ $check }) нельзя оценить, пока один из читаемых им ответов — код: дайте цифру или оставьте код и сообщите секретариату причину
rule-not-checked-in-row = { $row }, не проверено: { $message } ({ $values })
    .help = правило `{ $rule }` ({ $check }) нельзя оценить в этой строке, пока один из читаемых им ответов — код: дайте цифру или оставьте код и сообщите секретариату причину

## Что представляет собой ответ и чего ждёт вопрос

value-nothing = ничто
value-number = число { $number }
value-text = текст "{ $text }"
value-list = список
value-table = таблица
value-rows = строк: { $count }
expect-yes-no = ожидалось true или false
expect-choice = ожидалось одно из { $options }
expect-multi = ожидался список вариантов из { $options }
expect-multi-between = ожидался список вариантов из { $options }, от { $min } до { $max }
expect-multi-at-least = ожидался список вариантов из { $options }, не менее { $min }
expect-multi-at-most = ожидался список вариантов из { $options }, не более { $max }
expect-text = ожидался текст{ $length }{ $pattern }
expect-email = ожидался адрес электронной почты{ $length }{ $pattern }
length-between = { " " }длиной от { $min } до { $max } символов
length-at-least = { " " }длиной не менее { $min } символов
length-at-most = { " " }длиной не более { $max } символов
pattern = { " " }соответствующий шаблону { $pattern }
pattern-in-words = : { $pattern }
expect-integer = ожидалось целое число{ $range }
expect-number = ожидалось число{ $range }
expect-year = ожидался год{ $range }
expect-date = ожидалась дата в записи YYYY-MM-DD{ $range }
expect-time = ожидалось время суток в записи hh:mm, в 24-часовом формате (09:30, 17:45)
expect-country = ожидался код страны ISO 3166-1 alpha-3, например "AUT" или "FRA"
expect-table = ожидался список строк, в каждой { $columns }
expect-table-key = ожидался список строк, в каждой { $columns }; без двух строк с одинаковым { $key }
column-required = { $id } ({ $type }, обязательно)
column-optional = { $id } ({ $type })
range-between = { " " }от { $min } до { $max }{ $unit }
range-at-least = { " " }не менее { $min }{ $unit }
range-at-most = { " " }не более { $max }{ $unit }
range-unit = , в{ $unit }
expect-or-codes = { $expected }; или код { $codes }
code-label = "{ $code }" ({ $label })
code-label-number = "{ $code }" или { $number } ({ $label })

## Чтение ответа

json-syntax = недопустимый JSON: { $detail }
    .label = здесь
toml-syntax = недопустимый TOML: { $detail }
    .label = здесь
not-utf8 = файл не в кодировке UTF-8: байт { $byte } по смещению { $offset } не входит в символ UTF-8
    .label = не UTF-8
    .help = сохраните ответ в UTF-8 (файл в UTF-16 или Latin-1 нужно преобразовать)
duplicate-key = `{ $key }` дано дважды; canvass оценивает последний ответ, как обычно делают программы чтения JSON
    .label = дано снова здесь: оценивается этот ответ
    .help = оставьте один из двух ответов, а другой удалите
duplicate-key-first = впервые дано здесь: этот ответ не учитывается
too-large = размер ответа { $size }, больше предела в { $limit } байт
    .help = поднимите предел с помощью --max-reply-bytes, если этот ответ подлинный
size-bytes = { $bytes } байт
size-over = более { $limit } байт
too-deep = вложенность ответа глубже { $max } уровней
    .label = слишком глубоко здесь
    .help = ни один вопросник не вкладывает ответы так глубоко; поднимите предел с помощью --max-depth, если этот ответ подлинный
number-too-large = это значение слишком велико, чтобы canvass мог сохранить его как число
    .label = здесь
    .help = запишите число как целое или десятичное в допустимых пределах
number-not-finite = это значение не является конечным числом (nan и inf — не ответы)
    .label = здесь
    .help = запишите число как целое или десятичное в допустимых пределах
questionnaire-not-found = в ответе указан вопросник "{ $id }", которого нет в questionnaires/
    .label = неизвестный вопросник
    .help = напишите `questionnaire = "<id>"` в начале ответа или укажите -q QUESTIONNAIRE
questionnaire-not-an-id = `questionnaire` в ответе не является идентификатором вопросника
    .label = неизвестный вопросник
    .help = напишите `questionnaire = "<id>"` в начале ответа или укажите -q QUESTIONNAIRE
questionnaire-not-named = в ответе не указано, на какой вопросник он отвечает
    .label = неизвестный вопросник
    .help = напишите `questionnaire = "<id>"` в начале ответа или укажите -q QUESTIONNAIRE
skipped-not-a-file = этот элемент папки не является обычным файлом (FIFO, сокет или устройство): он не читается
    .help = поместите в папку сам ответ или укажите --follow-links, если ссылка намеренная
skipped-link-out = этот элемент папки — символическая ссылка за пределы папки: он не читается
    .help = поместите в папку сам ответ или укажите --follow-links, если ссылка намеренная
skipped-link-not-a-file = этот элемент папки — ссылка на то, что не является обычным файлом (FIFO, сокет или устройство): он не читается
    .help = поместите в папку сам ответ или укажите --follow-links, если ссылка намеренная
internal-error = canvass дал сбой при проверке этого ответа (ошибка в canvass, а не в ответе)
    .help = остальные ответы проверены; пожалуйста, сообщите об этом ответе разработчикам canvass
schema-refuses = скомпилированная схема отвергает этот ответ: { $error }
    .help = canvass не смог объяснить это своими словами; пожалуйста, сообщите об этом
more-findings = { $message } (и ещё замечаний в этом ответе: { $more }, не показаны)
more-findings-at-least = { $message } (и ещё не менее { $more } замечаний в этом ответе, не показаны; canvass прекратил поиск)

## Отчёты

report-title = отчёт canvass
report-title-of = отчёт canvass: { $questionnaire }
verdict-valid = действителен
verdict-invalid = недействителен
verdict-unreadable = не читается
counts = ошибок: { $errors }, предупреждений: { $warnings }
judged-by = { $id } версия { $version }
summary = проверено ответов: { $replies }; действительных: { $valid }, недействительных: { $invalid }
summary-unreadable = , нечитаемых: { $count }
summary-not-checked = , не проверенных (сбой canvass): { $count }
summary-by-questionnaire = ; по вопросникам: { $list }
question-line = Вопрос { $number }: { $text }
question-line-unnumbered = Вопрос: { $text }
explained-by-reply = пояснено в ответе: { $note }
explained-by-reviewer = пояснено проверяющим: { $note }
at-line = { " " }— строка { $line }, столбец { $column }
at-cell = { " " }— ячейка { $cell }

## Пустой ответ (`canvass template`)

template-reply = ответ
template-how-to = Уберите `#` перед ответом, чтобы дать его; пропустите вопрос, чтобы не отвечать на него.
template-codes-intro = Там, где вопрос это допускает, ответом может быть один из этих кодов:
template-only-if = Только если
template-computed = вычисляется вопросником из других ответов; не заполняется
template-required = обязательно
template-or-code = или код
template-please-specify = уточните
template-exclusive = не вместе с другими вариантами
template-specify-line = если выбран вариант, требующий уточнения
template-true-false = true или false
template-one-option = один из вариантов
template-options-list = список вариантов
template-text = текст
template-at-most-chars = символов не более
template-email = адрес электронной почты
template-whole-number = целое число
template-number = число
template-year = год
template-date = дата YYYY-MM-DD
template-time = время hh:mm, 24-часовой формат
template-country = код страны ISO 3166-1 alpha-3, например "AUT"
template-table = таблица: по строке на запись, с такими столбцами
template-at-least-rows = строк не менее
template-to = до
template-at-least = не менее
template-at-most = не более

## Таблицы по ответам (`canvass tabulate`).

tabulate-title = { $id } версия { $version }: учтено ответов: { $replies }
tabulate-answered = дан ответ
tabulate-not-applicable = не применимо (пропущено по условию)
tabulate-unanswered = без ответа
tabulate-sum = сумма
tabulate-sum-too-long = более 28 значащих цифр: не округлено, не показано
tabulate-min = наименьшее
tabulate-median = медиана
tabulate-max = наибольшее
tabulate-first-date = самая ранняя
tabulate-last-date = самая поздняя
tabulate-with-rows = ответы хотя бы с одной строкой
tabulate-rows = всего строк
tabulate-yes = Да
tabulate-no = Нет
tabulate-contents = Содержание
tabulate-over-keys = по ключам
tabulate-all = все
tabulate-unknown-region = не государство — член ООН
tabulate-previous-cycle = предыдущий цикл
tabulate-this-cycle = этот цикл

## Страница HTML.

html-severity = Серьёзность
html-code = Код
html-question = Вопрос
html-all = все
html-shown = замечаний показано
html-replies-with = ответов с ним
html-index = Ответы
html-file = Файл
html-respondent = Респондент
html-questionnaire = Вопросник
html-status = Статус
html-errors = Ошибки
html-warnings = Предупреждения
html-questions = Где респонденты ошибаются
html-replies-by-code = Ответы с замечанием к вопросу, по кодам
html-whole-reply = (ответ в целом)

## Условия словами, в шаблоне.

condition-question = вопрос { $number }
condition-is = { $question } равно { $value }
condition-is-not = { $question } не равно { $value }
condition-less = { $question } меньше { $value }
condition-at-most = { $question } не более { $value }
condition-more = { $question } больше { $value }
condition-at-least = { $question } не менее { $value }
condition-chosen = в { $question } выбрано { $value }
condition-answered = на { $question } дан ответ
condition-not-answered = на { $question } нет ответа
condition-and = { $a } и { $b }
condition-or = { $a } или { $b }
condition-or-word = или
condition-quoted = «{ $text }»

## Рабочая книга (`canvass template --format xlsx`)

workbook-cover = Об этой рабочей книге
workbook-instructions = Заполните жёлтые ячейки, лист за листом. Если ячейка предлагает список, выберите из него; код, например «Не знаю», есть в том же списке. Оставьте ячейку пустой, если ответа нет. Не переименовывайте, не перемещайте и не удаляйте листы.
workbook-return = Верните этот файл, заполненным, в секретариат, который его прислал.
workbook-questionnaire = Вопросник
workbook-version = Версия
workbook-language = Язык
workbook-respondent = Респондент
workbook-number = №
workbook-question = Вопрос
workbook-answer = Ответ
workbook-unit = Единица
workbook-condition = Когда
workbook-explanations = Пояснения
workbook-explanations-intro = Если одна из проверок ниже ставит ваши ответы под сомнение, а они всё же верны, объясните почему в жёлтой ячейке рядом с ней. Пояснение учитывается только для перечисленных здесь проверок; ошибку нужно исправить.
workbook-rule = Проверка
workbook-rule-checks = Что она проверяет
workbook-explanation = Ваше пояснение

## Чтение ответа в рабочей книге
workbook-not-readable = файл не является рабочей книгой, которую может прочитать canvass: { $why }
    .help = пришлите рабочую книгу в том виде, в каком её сохраняет табличная программа (.xlsx), не переименованную и не исправленную вручную
workbook-too-large = в распакованном виде эта рабочая книга заняла бы { $size } байт, больше предела в { $limit }
    .help = поднимите предел с помощью --max-reply-bytes (рабочая книга может распаковаться в четыре раза больше), если эта рабочая книга подлинная
workbook-macros = рабочая книга содержит макросы; canvass не принимает рабочие книги с макросами
    .help = сохраните её как книгу Excel (.xlsx), без макросов, и пришлите снова
workbook-not-template = рабочая книга сделана не из вопросника canvass, поэтому нельзя определить, на какой вопрос отвечает ячейка
    .help = заполните рабочую книгу, присланную секретариатом (сделанную командой `canvass template --format xlsx`), и пришлите её
workbook-formula-without-value = в ячейке формула ({ $formula }), значение которой ни разу не вычислялось
    .label = нет значения
    .help = откройте рабочую книгу в табличной программе и сохраните её, чтобы значение вычислилось, или введите значение в ячейку
workbook-error-value = ячейка показывает ошибку { $error }, а не ответ
    .label = { $error }
    .help = исправьте формулу или введите значение в ячейку
workbook-sheet-gone = ячеек раздела { $section } нет в рабочей книге: его лист удалён
    .help = скопируйте ответы на лист раздела в присланной рабочей книге и пришлите её
workbook-cell-gone = ячейки этого ответа нет в рабочей книге: её строка или имя удалены
    .help = скопируйте ответ в присланную рабочую книгу и пришлите её

## Письмо респонденту (`intake letter`)
letter-title = { $title }: просьба о проверке
letter-greeting = Кому: { $respondent }
letter-intro = Благодарим вас за ответ (версия { $version }, получена { $date }, файл { $file }). Прежде чем он будет принят, просим рассмотреть приведённые ниже пункты и прислать исправленную версию или сообщить нам, почему ответы верны в нынешнем виде.
letter-intro-done = Благодарим вас за ответ (версия { $version }, получена { $date }, файл { $file }).
letter-none = В вашем ответе нет открытых пунктов: больше ничего не требуется.
letter-open = { $count ->
    [one] Пунктов для рассмотрения: { $count }
   *[other] Пунктов для рассмотрения: { $count }
}
letter-question = Вопрос { $number }: { $text }
letter-fixed-item = Вопрос { $number }: { $value }
letter-what = Что не так: { $value }
letter-expected = Что сделать: { $value }
letter-explain = Если ответы верны в нынешнем виде, объясните почему: в вашем файле, под `[explanations]`, напишите `{ $value } = "…"` (в рабочей книге — на листе «Пояснения»)
letter-where = Где: { $value }
letter-at-line = строка { $line }, столбец { $column } вашего файла
letter-at-cell = ячейка { $cell } вашей рабочей книги
letter-fixed = { $count ->
    [one] Исправлено после вашей предыдущей версии
   *[other] Исправлено после вашей предыдущей версии ({ $count })
}
letter-fixed-since-letter = { $count ->
    [one] Исправлено или пояснено после нашего письма от { $date }
   *[other] Исправлено или пояснено после нашего письма от { $date } ({ $count })
}
letter-closing = С благодарностью, секретариат

## Страница респондента (`canvass serve`)
serve-check = Проверить
serve-add-row = Добавить строку в каждую таблицу
serve-save-draft = Сохранить черновик
serve-submit = Отправить
serve-no-findings = Исправлять нечего: ответ можно отправить.
serve-findings = { $count ->
    [one] Пунктов для рассмотрения: { $count }
   *[other] Пунктов для рассмотрения: { $count }
}
serve-or-code = или код ответа
serve-yes = Да
serve-no = Нет
serve-receipt = Получено: версия { $version } ({ $stage }), { $time }, SHA-256 { $sha256 }.
serve-download-workbook = Скачать рабочую книгу (заполненную вашей последней версией)
serve-download-toml = Скачать шаблон TOML
serve-upload = Или отправьте заполненный файл (TOML, JSON или рабочую книгу):
serve-other-respondent = Этот файл — ответ за { $named }, а не за респондента этой ссылки: он не сохранён.
