# La redacción de los hallazgos sobre las respuestas y de los informes, en español.
# Un mensaje por tipo de hallazgo; `.label` se escribe bajo el extracto, `.help` dice qué hacer.
# Los identificadores, los códigos y los valores quedan tal como se escriben en la respuesta.

## La respuesta en su conjunto

reply-not-a-table = una respuesta debe ser una tabla de secciones, no { $value }
    .help = parta de `canvass template { $questionnaire }`
reply-names-other = la respuesta indica { $key ->
        [version] la versión
       *[questionnaire] el cuestionario
    } { $value }, pero { $key ->
        [version] la versión esperada
       *[questionnaire] el cuestionario esperado
    } es "{ $expected }"
    .label = se espera: "{ $expected }"
    .help = escriba `{ $key } = "{ $expected }"` al principio de la respuesta
reply-names-none = la respuesta no indica { $key ->
        [version] a qué versión responde
       *[questionnaire] a qué cuestionario responde
    }
    .label = se espera: "{ $expected }"
    .help = escriba `{ $key } = "{ $expected }"` al principio de la respuesta
unknown-section = `{ $key }` no es una sección de este cuestionario
    .label = desconocida
section-not-a-table = la sección `{ $section }` debe ser una tabla de respuestas, no { $value }
    .help = escriba las respuestas bajo un encabezado `[{ $section }]`
unknown-question = la sección `{ $section }` no tiene ninguna pregunta `{ $key }`
    .label = desconocida
help-move-to-section = `{ $key }` es una pregunta de la sección { $sections }: muévala allí
help-did-you-mean-section = ¿quería decir la sección `{ $near }`?
help-sections-are = las secciones son { $ids }
help-did-you-mean = ¿quería decir `{ $near }`?
help-questions-are = las preguntas de la sección `{ $section }` son { $ids }
list-or = { $first } o { $second }

explanations-not-a-table = `explanations` debe ser una tabla del identificador de una regla a un texto, no { $value }
    .help = escriba `[explanations]` y luego una línea por regla: `id_de_la_regla = "por qué las respuestas son correctas"`
explanation-unknown = `{ $key }` no es una regla que esta respuesta pueda explicar
    .label = no es una regla que se pueda explicar
help-explain-error-rule = la regla `{ $rule }` es un error: corrija las respuestas que lee; solo las advertencias y las reglas que piden una explicación pueden explicarse
help-explainable-none = este cuestionario no tiene ninguna regla que una respuesta pueda explicar
help-explainable-rules = las reglas que pueden explicarse son { $ids }
explanation-not-text = una explicación es un texto, no { $value }
    .help = escriba entre comillas por qué las respuestas son correctas

## Respuestas que faltan o que sobran

missing-answer = la pregunta { $number } es obligatoria pero no tiene respuesta
    .label = la respuesta a { $number } va en esta sección
missing-answer-because = la pregunta { $number } es obligatoria porque `{ $condition }` se cumple, pero no tiene respuesta
    .label = la respuesta a { $number } va en esta sección
missing-section = falta la sección [{ $section }] en la respuesta
not-applicable = la pregunta { $number } tiene respuesta, pero solo se aplica si `{ $condition }`
    .label = debe quedar sin respuesta
    .help = quite esta respuesta, o corrija la respuesta de la que depende
why-required = , lo que la hace obligatoria
why-not-applicable = , así que no se aplica
related-value = { $id } = { $value }{ $why }
related-code = { $id } = "{ $code }" (un código){ $why }
related-previous = { $id } era { $value } en el ciclo anterior
related-blank = { $id } no tiene respuesta{ $why }
related-computed = { $id } = { $value } (calculado){ $why }
related-not-computed = { $id } no puede calcularse, por faltar las respuestas que lee{ $why }
related-sums = { $sums } en { $rows ->
        [one] 1 fila
       *[other] { $rows } filas
    }
missing-specify = se eligió "{ $option }" en la pregunta { $number }, pero `{ $specify }` no precisa de qué se trata
    .label = `{ $specify }` va en esta sección
    .help = añada `{ $specify } = "…"` para describir "{ $option }"
missing-specify-cell = { $row } elige "{ $option }" en `{ $column }`, pero `{ $specify }` no precisa de qué se trata
    .label = `{ $specify }` va en esta fila
    .help = añada `{ $specify } = "…"` a la fila para describir "{ $option }"
unexpected-specify = se da `{ $specify }`, pero no se eligió ninguna opción de la pregunta { $number } que lo pida
    .label = nada que precisar
    .help = quítelo, o elija la opción que describe
specify-not-text = `{ $specify }` debe ser un texto, no { $value }
    .help = describa la opción con palabras

## Valores

wrong-type = se espera { $want }, pero la respuesta es { $value }
    .label = no es { $want }
wrong-type-number-as-text = se espera { $want }, pero la respuesta es { $value }, un número escrito como texto
    .label = no es { $want }
    .help = escríbalo como un número, sin comillas, espacios ni separadores de miles, con punto decimal: { $number }
want-yes-no = true o false
want-choice = una opción, como texto
want-multi = una lista de opciones
want-text = un texto
want-integer = un número entero
want-number = un número
want-date = una fecha
want-time = una hora, como texto
want-year = un año
want-country = un código de país, como texto
want-table = una lista de filas
not-an-option = "{ $value }" no es una de las opciones
    .label = no es una opción
not-an-option-near = "{ $value }" no es una de las opciones; ¿quería decir "{ $near }"?
    .label = no es una opción
code-not-accepted = el código "{ $value }" existe, pero la pregunta { $number } solo admite { $codes }
    .label = no admitido aquí
code-not-accepted-none = el código "{ $value }" existe, pero la pregunta { $number } no admite ningún código
    .label = no admitido aquí
chosen-twice = "{ $value }" está elegido más de una vez
    .label = elegido de nuevo aquí
choice-not-text = cada elección debe ser una opción, como texto, no { $value }
    .label = no es una opción
more-in-list = { $message } (y { $more } problemas más en esta lista)
exclusive-option = "{ $option }" no puede combinarse con otras elecciones
    .label = elegido con otras
    .help = elija "{ $option }" sola, o quítela y conserve las demás elecciones
too-few-choices = { $count } { $count ->
        [one] elección dada
       *[other] elecciones dadas
    }; se necesitan al menos { $min }
    .label = { $count } { $count ->
        [one] elección
       *[other] elecciones
    }
too-many-choices = { $count } { $count ->
        [one] elección dada
       *[other] elecciones dadas
    }; se admiten como máximo { $max }
    .label = { $count } { $count ->
        [one] elección
       *[other] elecciones
    }
too-few-rows = { $count } { $count ->
        [one] fila dada
       *[other] filas dadas
    }; se necesitan al menos { $min }
    .label = { $count } { $count ->
        [one] fila
       *[other] filas
    }
too-many-rows = { $count } { $count ->
        [one] fila dada
       *[other] filas dadas
    }; se admiten como máximo { $max }
    .label = { $count } { $count ->
        [one] fila
       *[other] filas
    }
control-character = la respuesta contiene el carácter de control { $character }, que ningún formulario deja escribir
    .label = carácter de control
too-long = la respuesta tiene { $length } caracteres; se admiten como máximo { $max }
    .label = demasiado larga
too-short = la respuesta tiene { $length } caracteres; se necesitan al menos { $min }
    .label = demasiado corta
no-pattern-match = la respuesta no tiene la forma esperada
    .label = no corresponde al modelo
not-an-email = "{ $value }" no es una dirección de correo electrónico
    .label = no es una dirección de correo
not-a-country = "{ $value }" no es un código de país ISO 3166-1 alfa-3
    .label = no es un código de país
not-a-time = "{ $value }" no es una hora escrita hh:mm (09:30, 17:45)
    .label = no es una hora
not-a-country-near = "{ $value }" no es un código de país ISO 3166-1 alfa-3; ¿quería decir "{ $near }"?
    .label = no es un código de país
too-many-digits = el número { $value } tiene { $digits } cifras significativas; canvass solo juzga con exactitud números de hasta { $most }
    .label = no puede juzgarse con exactitud
    .help = redondee la respuesta a { $most } cifras significativas como máximo
too-large-to-judge = el número { $value } es demasiado grande o demasiado pequeño para juzgarse con exactitud; canvass trata números menores que 10^{ $most } con { $most } decimales como máximo
    .label = no puede juzgarse con exactitud
    .help = escriba la respuesta sin exponente, dentro de esos límites
below-minimum = { $value }{ $unit } es inferior al mínimo de { $min }{ $unit }
    .label = fuera de los límites
above-maximum = { $value }{ $unit } es superior al máximo de { $max }{ $unit }
    .label = fuera de los límites
date-form = "{ $value }" no es una fecha escrita AAAA-MM-DD
    .label = no es una fecha
date-no-month = "{ $value }" no es una fecha real: no hay mes { $month }
    .label = no es una fecha
date-no-day = "{ $value }" no es una fecha real: ese mes tiene { $days } días
    .label = no es una fecha
date-too-early = { $value } es anterior a la primera fecha admitida, { $min }
    .label = fuera de los límites
date-too-late = { $value } es posterior a la última fecha admitida, { $max }
    .label = fuera de los límites

## Tablas

rows-over-limit = { $count } filas, más allá del límite de canvass de { $limit }
    .help = eleve el límite con --max-rows si esta respuesta es auténtica
row-not-a-table = { $row } debe ser una tabla de columnas, no { $value }
    .label = no es una fila
unknown-column = { $row } tiene una columna `{ $key }` que la tabla no tiene
    .label = columna desconocida
help-columns-near = ¿quería decir `{ $near }`? las columnas son { $ids }
help-columns-are = las columnas son { $ids }
missing-cell = { $row } no tiene `{ $column }`, que toda fila debe tener
    .label = falta `{ $column }` en esta fila
missing-cell-because = { $row } no tiene `{ $column }`, obligatorio porque `{ $condition }` se cumple en esa fila
    .label = falta `{ $column }` en esta fila
cell-not-applicable = { $row } tiene `{ $column }`, pero en una fila solo se aplica si `{ $condition }`
    .label = debe quedar sin respuesta en esta fila
    .help = quite esta celda, o corrija la respuesta de la que depende
computed-answered = `{ $id }` lo calcula el cuestionario, así que no se responde
    .label = calculado, sin respuesta
    .help = quite esta respuesta: canvass calcula `{ $id }` como `{ $compute }`
duplicate-row = las filas { $first } y { $row } tienen el mismo { $key }, { $value }
    .label = igual a una fila anterior
    .help = cada fila debe tener su propio { $key }: fusione las dos filas o corrija una
duplicate-row-first = la fila { $first } lo tiene primero

## Reglas

row-missing = falta { $row }: esta tabla da sus filas de antemano ({ $rows })
    .help = añada una fila cuyo `{ $column }` sea { $key }
row-not-given = { $value } no es una de las filas que esta tabla da de antemano ({ $rows })
    .help = corrija la clave, o elimine la fila
row-number = la fila { $number }
row-key = la fila de { $key }

rule-failed = { $message } ({ $values })
    .help = la regla `{ $rule }` exige { $check }
rule-failed-in-row = { $row }: { $message } ({ $values })
    .help = la regla `{ $rule }` exige { $check } en cada fila
rule-failed-nowhere = { $message }
    .help = la regla `{ $rule }` exige { $check }
rule-not-checked = no verificada: { $message } ({ $values })
    .help = la regla `{ $rule }` ({ $check }) no puede juzgarse mientras una respuesta que lee sea un código: dé la cifra, o mantenga el código y diga a la secretaría por qué
rule-not-checked-in-row = { $row }, no verificada: { $message } ({ $values })
    .help = la regla `{ $rule }` ({ $check }) no puede juzgarse en esta fila mientras una respuesta que lee sea un código: dé la cifra, o mantenga el código y diga a la secretaría por qué

## Qué es una respuesta, y qué espera una pregunta

value-nothing = nada
value-number = el número { $number }
value-text = el texto "{ $text }"
value-list = una lista
value-table = una tabla
value-rows = { $count } filas
expect-yes-no = se espera true o false
expect-choice = se espera una de las opciones { $options }
expect-multi = se espera una lista de opciones entre { $options }
expect-multi-between = se espera una lista de opciones entre { $options }, de { $min } a { $max }
expect-multi-at-least = se espera una lista de opciones entre { $options }, al menos { $min }
expect-multi-at-most = se espera una lista de opciones entre { $options }, como máximo { $max }
expect-text = se espera un texto{ $length }{ $pattern }
expect-email = se espera una dirección de correo electrónico{ $length }{ $pattern }
length-between = { " " }de { $min } a { $max } caracteres
length-at-least = { " " }de al menos { $min } caracteres
length-at-most = { " " }de como máximo { $max } caracteres
pattern = { " " }conforme al modelo { $pattern }
pattern-in-words = : { $pattern }
expect-integer = se espera un número entero{ $range }
expect-number = se espera un número{ $range }
expect-year = se espera un año{ $range }
expect-date = se espera una fecha escrita AAAA-MM-DD{ $range }
expect-time = se espera una hora escrita hh:mm, en 24 horas (09:30, 17:45)
expect-country = se espera un código de país ISO 3166-1 alfa-3, como "AUT" o "ESP"
expect-table = se espera una lista de filas, cada una con { $columns }
expect-table-key = se espera una lista de filas, cada una con { $columns }; nunca dos filas con el mismo { $key }
column-required = { $id } ({ $type }, obligatorio)
column-optional = { $id } ({ $type })
range-between = { " " }de { $min } a { $max }{ $unit }
range-at-least = { " " }de al menos { $min }{ $unit }
range-at-most = { " " }de como máximo { $max }{ $unit }
range-unit = , en{ $unit }
expect-or-codes = { $expected }; o el código { $codes }
code-label = "{ $code }" ({ $label })
code-label-number = "{ $code }" o { $number } ({ $label })

## Lectura de una respuesta

json-syntax = JSON no válido: { $detail }
    .label = aquí
toml-syntax = TOML no válido: { $detail }
    .label = aquí
not-utf8 = el archivo no está en UTF-8 válido: el byte { $byte } en la posición { $offset } no forma parte de ningún carácter UTF-8
    .label = no es UTF-8
    .help = guarde la respuesta en UTF-8 (un archivo UTF-16 o Latin-1 debe convertirse)
duplicate-key = `{ $key }` se da dos veces; canvass juzga la última respuesta, como suelen hacer los lectores de JSON
    .label = dado de nuevo aquí: esta respuesta es la que se juzga
    .help = conserve una de las dos respuestas y borre la otra
duplicate-key-first = dado por primera vez aquí: esta respuesta se ignora
too-large = la respuesta ocupa { $size }, más allá del límite de { $limit } bytes
    .help = eleve el límite con --max-reply-bytes si esta respuesta es auténtica
size-bytes = { $bytes } bytes
size-over = más de { $limit } bytes
too-deep = la respuesta está anidada en más de { $max } niveles
    .label = demasiado profunda aquí
    .help = ningún cuestionario anida las respuestas tan profundamente; eleve el límite con --max-depth si esta respuesta es auténtica
number-too-large = este valor es demasiado grande para ser un número que canvass pueda conservar
    .label = aquí
    .help = escriba el número como entero o decimal dentro de los límites
number-not-finite = este valor no es un número finito (nan e inf no son respuestas)
    .label = aquí
    .help = escriba el número como entero o decimal dentro de los límites
questionnaire-not-found = la respuesta indica el cuestionario "{ $id }", que no está en questionnaires/
    .label = cuestionario desconocido
    .help = escriba `questionnaire = "<id>"` al principio de la respuesta, o pase -q CUESTIONARIO
questionnaire-not-an-id = el `questionnaire` de la respuesta no es un identificador de cuestionario
    .label = cuestionario desconocido
    .help = escriba `questionnaire = "<id>"` al principio de la respuesta, o pase -q CUESTIONARIO
questionnaire-not-named = la respuesta no indica a qué cuestionario responde
    .label = cuestionario desconocido
    .help = escriba `questionnaire = "<id>"` al principio de la respuesta, o pase -q CUESTIONARIO
skipped-not-a-file = esta entrada de la carpeta no es un archivo ordinario (un FIFO, un socket o un dispositivo): no se lee
    .help = ponga la respuesta misma en la carpeta, o pase --follow-links si el enlace es intencionado
skipped-link-out = esta entrada de la carpeta es un enlace simbólico que sale de la carpeta: no se lee
    .help = ponga la respuesta misma en la carpeta, o pase --follow-links si el enlace es intencionado
skipped-link-not-a-file = esta entrada de la carpeta es un enlace a algo que no es un archivo ordinario (un FIFO, un socket o un dispositivo): no se lee
    .help = ponga la respuesta misma en la carpeta, o pase --follow-links si el enlace es intencionado
internal-error = canvass falló al comprobar esta respuesta (un error de canvass, no de la respuesta)
    .help = las demás respuestas se comprobaron; por favor, comunique esta respuesta a los mantenedores de canvass
schema-refuses = el esquema compilado rechaza esta respuesta: { $error }
    .help = canvass no pudo explicarlo con sus propias palabras; por favor, comuníquelo
more-findings = { $message } (y { $more } hallazgos más en esta respuesta, no mostrados)
more-findings-at-least = { $message } (y al menos { $more } hallazgos más en esta respuesta, no mostrados; canvass dejó de buscar)

## Informes

report-title = informe de canvass
report-title-of = informe de canvass: { $questionnaire }
verdict-valid = válida
verdict-invalid = no válida
verdict-unreadable = ilegible
counts = { $errors } { $errors ->
        [one] error
       *[other] errores
    }, { $warnings } { $warnings ->
        [one] advertencia
       *[other] advertencias
    }
judged-by = { $id } versión { $version }
summary = { $replies } { $replies ->
        [one] respuesta comprobada
       *[other] respuestas comprobadas
    }: { $valid } { $valid ->
        [one] válida
       *[other] válidas
    }, { $invalid } { $invalid ->
        [one] no válida
       *[other] no válidas
    }
summary-unreadable = , { $count } { $count ->
        [one] ilegible
       *[other] ilegibles
    }
summary-not-checked = , { $count } sin comprobar (fallo de canvass)
summary-by-questionnaire = ; por cuestionario: { $list }
question-line = Pregunta { $number }: { $text }
question-line-unnumbered = Pregunta: { $text }
explained-by-reply = explicado por la respuesta: { $note }
explained-by-reviewer = explicado por un revisor: { $note }
at-line = { " " }— línea { $line }, columna { $column }
at-cell = { " " }— celda { $cell }

## La respuesta en blanco (`canvass template`)

template-reply = respuesta
template-how-to = Quite el `#` delante de una respuesta para darla; deje una pregunta tal cual para no responderla.
template-codes-intro = Cuando una pregunta lo permite, una respuesta puede ser uno de estos códigos:
template-only-if = Solo si
template-computed = lo calcula el cuestionario a partir de las demás respuestas; sin respuesta
template-required = obligatoria
template-or-code = o un código
template-please-specify = especifique
template-exclusive = no con otras opciones
template-specify-line = si elige una opción que pide especificar
template-true-false = true (sí) o false (no)
template-one-option = una de las opciones
template-options-list = una lista de opciones
template-text = texto
template-at-most-chars = caracteres como máximo
template-email = una dirección de correo electrónico
template-whole-number = número entero
template-number = número
template-year = año
template-date = fecha AAAA-MM-DD
template-time = hora hh:mm, en 24 horas
template-country = código de país ISO 3166-1 alfa-3, por ejemplo "ESP"
template-table = tabla: una fila por entrada, con estas columnas
template-at-least-rows = filas como mínimo
template-to = a
template-at-least = al menos
template-at-most = como máximo

## Tablas de las respuestas (`canvass tabulate`).

tabulate-title = { $id } versión { $version }: { $replies } { $replies ->
        [one] respuesta contada
       *[other] respuestas contadas
    }
tabulate-answered = respondida
tabulate-not-applicable = no aplicable (descartada por su condición)
tabulate-unanswered = sin respuesta
tabulate-sum = suma
tabulate-sum-too-long = más de 28 cifras significativas: ni redondeada ni mostrada
tabulate-min = menor
tabulate-median = mediana
tabulate-max = mayor
tabulate-first-date = la más antigua
tabulate-last-date = la más reciente
tabulate-with-rows = respuestas con al menos una fila
tabulate-rows = filas en total
tabulate-yes = Sí
tabulate-no = No
tabulate-contents = Índice
tabulate-over-keys = clave por clave
tabulate-all = total
tabulate-unknown-region = fuera de los Estados Miembros de la ONU
tabulate-previous-cycle = ciclo anterior
tabulate-this-cycle = este ciclo

## La página HTML.

html-severity = Gravedad
html-code = Código
html-question = Pregunta
html-all = todos
html-shown = hallazgos mostrados
html-replies-with = respuestas afectadas
html-index = Respuestas
html-file = Archivo
html-respondent = Encuestado
html-questionnaire = Cuestionario
html-status = Estado
html-errors = Errores
html-warnings = Advertencias
html-questions = Dónde tropiezan los encuestados
html-replies-by-code = Respuestas con un hallazgo en este punto, por código
html-whole-reply = (la respuesta en su conjunto)

## Las condiciones en palabras, en la respuesta en blanco.

condition-question = la pregunta { $number }
condition-is = { $question } es { $value }
condition-is-not = { $question } no es { $value }
condition-less = { $question } es menor que { $value }
condition-at-most = { $question } es como máximo { $value }
condition-more = { $question } es mayor que { $value }
condition-at-least = { $question } es al menos { $value }
condition-chosen = { $value } está elegido en { $question }
condition-answered = { $question } tiene respuesta
condition-not-answered = { $question } no tiene respuesta
condition-and = { $a } y { $b }
condition-or = { $a } o { $b }
condition-or-word = o
condition-quoted = «{ $text }»

## El libro (`canvass template --format xlsx`)

workbook-cover = Acerca de este libro
workbook-instructions = Rellene las celdas amarillas, hoja por hoja. Cuando una celda ofrece una lista, elija en ella; un código como «No sabe» está en la misma lista. Deje una celda vacía si no tiene respuesta. No cambie el nombre de las hojas, ni las mueva ni las elimine.
workbook-return = Devuelva este archivo, completado, a la secretaría que se lo envió.
workbook-questionnaire = Cuestionario
workbook-version = Versión
workbook-language = Idioma
workbook-respondent = Encuestado
workbook-number = N.º
workbook-question = Pregunta
workbook-answer = Respuesta
workbook-unit = Unidad
workbook-condition = Cuándo
workbook-explanations = Explicaciones
workbook-explanations-intro = Cuando un control de abajo pone en duda sus respuestas y aun así son correctas, explique por qué en la celda amarilla de al lado. Solo se leen explicaciones para los controles de esta lista; un error debe corregirse.
workbook-rule = Control
workbook-rule-checks = Lo que comprueba
workbook-explanation = Su explicación

## Leer una respuesta en un libro
workbook-not-readable = el archivo no es un libro que canvass sepa leer: { $why }
    .help = envíe el libro tal como lo guarda la hoja de cálculo (.xlsx), sin renombrarlo ni repararlo a mano
workbook-too-large = descomprimido, este libro ocuparía { $size } bytes, más allá del límite de { $limit }
    .help = eleve el límite con --max-reply-bytes (un libro puede descomprimirse hasta cuatro veces más) si este libro es auténtico
workbook-macros = el libro contiene macros; canvass no acepta libros con macros
    .help = guárdelo como libro de Excel (.xlsx), sin macros, y envíelo de nuevo
workbook-not-template = el libro no se hizo a partir de un cuestionario de canvass: ninguna celda puede asociarse a una pregunta
    .help = rellene el libro que envió la secretaría (hecho con `canvass template --format xlsx`) y envíe ese
workbook-formula-without-value = la celda contiene una fórmula ({ $formula }) cuyo valor nunca se calculó
    .label = sin valor
    .help = abra el libro en una hoja de cálculo y guárdelo para que se calcule el valor, o escriba el valor en la celda
workbook-error-value = la celda muestra el error { $error }, no una respuesta
    .label = { $error }
    .help = corrija la fórmula, o escriba el valor en la celda
workbook-sheet-gone = las celdas de la sección { $section } no están en el libro: su hoja fue eliminada
    .help = copie las respuestas en la hoja de esa sección del libro enviado, y envíe ese
workbook-cell-gone = la celda de esta respuesta no está en el libro: se eliminó su fila o su nombre
    .help = copie la respuesta en el libro enviado, y envíe ese

## La carta al encuestado (`intake letter`)
letter-title = { $title }: solicitud de validación
letter-greeting = A la atención de { $respondent }:
letter-intro = Gracias por su respuesta (versión { $version }, recibida el { $date }, archivo { $file }). Antes de poder aceptarla, le rogamos que examine los puntos siguientes y envíe una versión corregida, o nos indique por qué las respuestas son correctas tal como están.
letter-intro-done = Gracias por su respuesta (versión { $version }, recibida el { $date }, archivo { $file }).
letter-none = Su respuesta no tiene puntos pendientes: no se necesita nada más.
letter-open = { $count ->
    [one] Un punto que examinar
   *[other] { $count } puntos que examinar
}
letter-question = Pregunta { $number }: { $text }
letter-fixed-item = Pregunta { $number }: { $value }
letter-what = Qué está mal: { $value }
letter-expected = Qué hacer: { $value }
letter-explain = Si las respuestas son correctas tal como están, diga por qué: en su archivo, bajo `[explanations]`, escriba `{ $value } = "…"` (en un libro, en la hoja Explicaciones)
letter-where = Dónde: { $value }
letter-at-line = línea { $line }, columna { $column } de su archivo
letter-at-cell = celda { $cell } de su libro
letter-fixed = { $count ->
    [one] Corregido desde su versión anterior
   *[other] Corregido desde su versión anterior ({ $count })
}
letter-fixed-since-letter = { $count ->
    [one] Corregido o explicado desde nuestra carta del { $date }
   *[other] Corregidos o explicados desde nuestra carta del { $date } ({ $count })
}
letter-closing = Con nuestro agradecimiento, la secretaría

## La página del encuestado (`canvass serve`)
serve-check = Comprobar
serve-add-row = Añadir una fila a cada tabla
serve-save-draft = Guardar borrador
serve-submit = Enviar
serve-no-findings = Nada que corregir: la respuesta puede enviarse.
serve-findings = { $count ->
    [one] Un punto que revisar
   *[other] { $count } puntos que revisar
}
serve-or-code = o un código de respuesta
serve-yes = Sí
serve-no = No
serve-receipt = Recibido: versión { $version } ({ $stage }), { $time }, SHA-256 { $sha256 }.
serve-download-workbook = Descargar el libro (rellenado con su última versión)
serve-download-toml = Descargar una plantilla TOML
serve-upload = O envíe un archivo rellenado (TOML, JSON o el libro):
serve-other-respondent = Este archivo responde por { $named }, no por el encuestado de este enlace: no se ha guardado.
