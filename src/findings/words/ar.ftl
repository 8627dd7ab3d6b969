# صياغة الملاحظات على الردود والتقارير، باللغة العربية.
# رسالة لكل نوع من الملاحظات؛ `.label` تُكتب تحت المقتطف، و`.help` تقول ما يجب فعله.
# المعرّفات والرموز والقيم تبقى كما كُتبت في الرد. الأعداد تأتي بعد اسم المعدود ("عدد الأخطاء: 3")
# كي لا تتغيّر صيغة الاسم مع العدد.

## الرد في مجمله

reply-not-a-table = يجب أن يكون الرد جدولًا من الأقسام، لا { $value }
    .help = ابدأ من `canvass template { $questionnaire }`
reply-names-other = يذكر الرد { $key } { $value }، لكن { $key } هنا هو "{ $expected }"
    .label = المتوقّع "{ $expected }"
    .help = اكتب `{ $key } = "{ $expected }"` في أعلى الرد
reply-names-none = لا يذكر الرد { $key } الذي يجيب عنه
    .label = المتوقّع "{ $expected }"
    .help = اكتب `{ $key } = "{ $expected }"` في أعلى الرد
unknown-section = `{ $key }` ليس قسمًا من أقسام هذا الاستبيان
    .label = غير معروف
section-not-a-table = يجب أن يكون القسم `{ $section }` جدولًا من الإجابات، لا { $value }
    .help = اكتب الإجابات تحت العنوان `[{ $section }]`
unknown-question = لا يحتوي القسم `{ $section }` على سؤال `{ $key }`
    .label = غير معروف
help-move-to-section = `{ $key }` سؤال من القسم { $sections }: انقله إليه
help-did-you-mean-section = هل تقصد القسم `{ $near }`؟
help-sections-are = الأقسام هي { $ids }
help-did-you-mean = هل تقصد `{ $near }`؟
help-questions-are = أسئلة القسم `{ $section }` هي { $ids }
list-or = { $first } أو { $second }

explanations-not-a-table = يجب أن يكون `explanations` جدولًا يربط معرّف القاعدة بنص، لا { $value }
    .help = اكتب `[explanations]`، ثم سطرًا لكل قاعدة: `rule_id = "لماذا الإجابات صحيحة"`
explanation-unknown = `{ $key }` ليست قاعدة يجوز لهذا الرد أن يشرحها
    .label = ليست قاعدة تقبل الشرح
help-explain-error-rule = القاعدة `{ $rule }` خطأ: صحّح الإجابات التي تقرؤها؛ لا يُشرح إلا التحذيرات والقواعد التي تطلب شرحًا
help-explainable-none = لا يتضمّن هذا الاستبيان قاعدة يجوز للرد أن يشرحها
help-explainable-rules = القواعد التي يجوز شرحها هي { $ids }
explanation-not-text = الشرح نص، لا { $value }
    .help = اكتب بين علامتَي اقتباس لماذا الإجابات صحيحة

## الإجابات الناقصة وغير المتوقّعة

missing-answer = السؤال { $number } إلزامي لكن لا إجابة عنه
    .label = مكان الإجابة عن { $number } في هذا القسم
missing-answer-because = السؤال { $number } إلزامي لأن `{ $condition }` متحقّق، لكن لا إجابة عنه
    .label = مكان الإجابة عن { $number } في هذا القسم
missing-section = القسم [{ $section }] غير موجود في الرد
not-applicable = أُجيب عن السؤال { $number }، لكنه لا ينطبق إلا إذا `{ $condition }`
    .label = ينبغي تركه بلا إجابة
    .help = احذف هذه الإجابة، أو صحّح الإجابة التي تتوقّف عليها
why-required = ، مما يجعله إلزاميًا
why-not-applicable = ، فلا ينطبق
related-value = { $id } = { $value }{ $why }
related-code = { $id } = "{ $code }" (رمز){ $why }
related-previous = كانت قيمة { $id } في الدورة السابقة { $value }
related-blank = لا إجابة عن { $id }{ $why }
related-computed = { $id } = { $value } (محسوب){ $why }
related-not-computed = لا يمكن حساب { $id } لنقص الإجابات التي يقرؤها{ $why }
related-sums = { $sums } على { $rows ->
        [one] صف واحد
       *[other] عدد من الصفوف: { $rows }
    }
missing-specify = اختير "{ $option }" في السؤال { $number }، لكن `{ $specify }` لا يبيّن ما هو
    .label = مكان `{ $specify }` في هذا القسم
    .help = أضف `{ $specify } = "…"` يصف "{ $option }"
missing-specify-cell = اختار { $row } "{ $option }" في `{ $column }`، لكن `{ $specify }` لا يبيّن ما هو
    .label = مكان `{ $specify }` في هذا الصف
    .help = أضف إلى الصف `{ $specify } = "…"` يصف "{ $option }"
unexpected-specify = أُعطي `{ $specify }`، لكن لم يُختر أي خيار من خيارات السؤال { $number } يطلبه
    .label = لا شيء لتحديده
    .help = احذفه، أو اختر الخيار الذي يصفه
specify-not-text = يجب أن يكون `{ $specify }` نصًا، لا { $value }
    .help = صف الخيار بالكلمات

## القيم

wrong-type = المتوقّع { $want }، لكن الإجابة { $value }
    .label = ليست { $want }
wrong-type-number-as-text = المتوقّع { $want }، لكن الإجابة { $value }، أي عدد مكتوب نصًا
    .label = ليست { $want }
    .help = اكتبه عددًا، بلا علامات اقتباس ولا مسافات ولا فواصل للآلاف: { $number }
want-yes-no = true أو false
want-choice = خيار واحد، نصًا
want-multi = قائمة خيارات
want-text = نص
want-integer = عدد صحيح
want-number = عدد
want-date = تاريخ
want-time = وقت من اليوم، نصًا
want-year = سنة
want-country = رمز بلد، نصًا
want-table = قائمة صفوف
not-an-option = "{ $value }" ليس من الخيارات
    .label = ليس خيارًا
not-an-option-near = "{ $value }" ليس من الخيارات؛ هل تقصد "{ $near }"؟
    .label = ليس خيارًا
code-not-accepted = الرمز "{ $value }" موجود، لكن السؤال { $number } لا يقبل إلا { $codes }
    .label = غير مقبول هنا
code-not-accepted-none = الرمز "{ $value }" موجود، لكن السؤال { $number } لا يقبل أي رمز
    .label = غير مقبول هنا
chosen-twice = اختير "{ $value }" أكثر من مرة
    .label = اختير مرة أخرى هنا
choice-not-text = يجب أن يكون كل اختيار خيارًا، نصًا، لا { $value }
    .label = ليس خيارًا
more-in-list = { $message } (ومشكلات أخرى في هذه القائمة عددها { $more })
exclusive-option = لا يجوز الجمع بين "{ $option }" واختيارات أخرى
    .label = اختير مع غيره
    .help = اختر "{ $option }" وحده، أو احذفه واحتفظ بالاختيارات الأخرى
too-few-choices = عدد الاختيارات المعطاة { $count }؛ والمطلوب { $min } على الأقل
    .label = عدد الاختيارات: { $count }
too-many-choices = عدد الاختيارات المعطاة { $count }؛ والمسموح { $max } على الأكثر
    .label = عدد الاختيارات: { $count }
too-few-rows = عدد الصفوف المعطاة { $count }؛ والمطلوب { $min } على الأقل
    .label = عدد الصفوف: { $count }
too-many-rows = عدد الصفوف المعطاة { $count }؛ والمسموح { $max } على الأكثر
    .label = عدد الصفوف: { $count }
control-character = تحتوي الإجابة على حرف التحكّم { $character }، ولا يتيح أي نموذج للمجيب كتابته
    .label = حرف تحكّم
too-long = طول الإجابة { $length } حرفًا؛ والمسموح { $max } على الأكثر
    .label = طويلة جدًا
too-short = طول الإجابة { $length } حرفًا؛ والمطلوب { $min } على الأقل
    .label = قصيرة جدًا
no-pattern-match = الإجابة ليست على الشكل المتوقّع
    .label = لا تطابق النمط
not-an-email = "{ $value }" ليس عنوان بريد إلكتروني
    .label = ليس عنوان بريد إلكتروني
not-a-country = "{ $value }" ليس رمز بلد وفق ISO 3166-1 alpha-3
    .label = ليس رمز بلد
not-a-time = "{ $value }" ليس وقتًا من اليوم مكتوبًا hh:mm (09:30، 17:45)
    .label = ليس وقتًا
not-a-country-near = "{ $value }" ليس رمز بلد وفق ISO 3166-1 alpha-3؛ هل تقصد "{ $near }"؟
    .label = ليس رمز بلد
too-many-digits = العدد { $value } فيه { $digits } من الأرقام المعنوية؛ ولا يحكم canvass على الأعداد بدقة إلا حتى { $most }
    .label = لا يمكن الحكم عليه بدقة
    .help = قرّب الإجابة إلى { $most } من الأرقام المعنوية على الأكثر
too-large-to-judge = العدد { $value } أكبر أو أصغر من أن يُحكم عليه بدقة؛ يحتفظ canvass بالأعداد التي تقل عن 10^{ $most } وبما لا يزيد على { $most } من المنازل العشرية
    .label = لا يمكن الحكم عليه بدقة
    .help = اكتب الإجابة بلا أسّ، ضمن هذا النطاق
below-minimum = { $value }{ $unit } أقل من الحد الأدنى { $min }{ $unit }
    .label = خارج النطاق
above-maximum = { $value }{ $unit } أكبر من الحد الأقصى { $max }{ $unit }
    .label = خارج النطاق
date-form = "{ $value }" ليس تاريخًا مكتوبًا YYYY-MM-DD
    .label = ليس تاريخًا
date-no-month = "{ $value }" ليس تاريخًا حقيقيًا: لا يوجد شهر { $month }
    .label = ليس تاريخًا
date-no-day = "{ $value }" ليس تاريخًا حقيقيًا: عدد أيام ذلك الشهر { $days }
    .label = ليس تاريخًا
date-too-early = { $value } قبل أبكر تاريخ مسموح، { $min }
    .label = خارج النطاق
date-too-late = { $value } بعد آخر تاريخ مسموح، { $max }
    .label = خارج النطاق

## الجداول

rows-over-limit = عدد الصفوف { $count }، وهو فوق حد canvass البالغ { $limit }
    .help = ارفع الحد بالخيار --max-rows إن كان هذا الرد حقيقيًا
row-not-a-table = يجب أن يكون { $row } جدولًا من الأعمدة، لا { $value }
    .label = ليس صفًا
unknown-column = في { $row } عمود `{ $key }` ليس في الجدول
    .label = عمود غير معروف
help-columns-near = هل تقصد `{ $near }`؟ الأعمدة هي { $ids }
help-columns-are = الأعمدة هي { $ids }
missing-cell = ليس في { $row } العمود `{ $column }`، وكل صف يحتاج إليه
    .label = `{ $column }` ناقص في هذا الصف
missing-cell-because = ليس في { $row } العمود `{ $column }`، وهو إلزامي لأن `{ $condition }` متحقّق في ذلك الصف
    .label = `{ $column }` ناقص في هذا الصف
cell-not-applicable = في { $row } قيمة لـ `{ $column }`، لكنه في الصف لا ينطبق إلا إذا `{ $condition }`
    .label = ينبغي تركه بلا إجابة في هذا الصف
    .help = احذف هذه الخلية، أو صحّح الإجابة التي تتوقّف عليها
computed-answered = `{ $id }` يحسبه الاستبيان، فلا يُجاب عنه
    .label = محسوب، لا يُجاب عنه
    .help = احذف هذه الإجابة: يحسب canvass `{ $id }` على أنه `{ $compute }`
duplicate-row = للصفين { $first } و{ $row } القيمة نفسها لـ { $key }، وهي { $value }
    .label = مثل صف سابق
    .help = يحتاج كل صف إلى { $key } خاص به: ادمج الصفين أو صحّح أحدهما
duplicate-row-first = الصف { $first } ذكرها أولًا

row-missing = { $row } ناقص: يعطي هذا الجدول صفوفه مسبقًا ({ $rows })
    .help = أضف صفًا قيمة `{ $column }` فيه { $key }
row-not-given = { $value } ليس من الصفوف التي يعطيها هذا الجدول مسبقًا ({ $rows })
    .help = صحّح المفتاح، أو احذف الصف
row-number = الصف { $number }
row-key = صف { $key }

## القواعد

rule-failed = { $message } ({ $values })
    .help = تقتضي القاعدة `{ $rule }` أن { $check }
rule-failed-in-row = { $row }: { $message } ({ $values })
    .help = تقتضي القاعدة `{ $rule }` أن { $check } في كل صف
rule-failed-nowhere = { $message }
    .help = تقتضي القاعدة `{ $rule }` أن { $check }
rule-not-checked = لم يُتحقّق منها: { $message } ({ $values })
    .help = لا يمكن الحكم على القاعدة `{ $rule }` ({ $check }) ما دامت إحدى الإجابات التي تقرؤها رمزًا: أعطِ الرقم، أو احتفظ بالرمز وأخبر الأمانة بالسبب
rule-not-checked-in-row = { $row }، لم يُتحقّق منها: { $message } ({ $values })
    .help = لا يمكن الحكم على القاعدة `{ $rule }` ({ $check }) في هذا الصف ما دامت إحدى الإجابات التي تقرؤها رمزًا: أعطِ الرقم، أو احتفظ بالرمز وأخبر الأمانة بالسبب

## ما هي الإجابة، وما يتوقّعه السؤال

value-nothing = لا شيء
value-number = العدد { $number }
value-text = النص "{ $text }"
value-list = قائمة
value-table = جدول
value-rows = عدد الصفوف: { $count }
expect-yes-no = المتوقّع true أو false
expect-choice = المتوقّع أحد { $options }
expect-multi = المتوقّع قائمة خيارات من { $options }
expect-multi-between = المتوقّع قائمة خيارات من { $options }، من { $min } إلى { $max } منها
expect-multi-at-least = المتوقّع قائمة خيارات من { $options }، { $min } على الأقل
expect-multi-at-most = المتوقّع قائمة خيارات من { $options }، { $max } على الأكثر
expect-text = المتوقّع نص{ $length }{ $pattern }
expect-email = المتوقّع عنوان بريد إلكتروني{ $length }{ $pattern }
length-between = { " " }من { $min } إلى { $max } حرفًا
length-at-least = { " " }من { $min } حرفًا على الأقل
length-at-most = { " " }من { $max } حرفًا على الأكثر
pattern = { " " }يطابق النمط { $pattern }
pattern-in-words = : { $pattern }
expect-integer = المتوقّع عدد صحيح{ $range }
expect-number = المتوقّع عدد{ $range }
expect-year = المتوقّع سنة{ $range }
expect-date = المتوقّع تاريخ مكتوب YYYY-MM-DD{ $range }
expect-time = المتوقّع وقت من اليوم مكتوب hh:mm، بنظام 24 ساعة (09:30، 17:45)
expect-country = المتوقّع رمز بلد وفق ISO 3166-1 alpha-3، مثل "AUT" أو "FRA"
expect-table = المتوقّع قائمة صفوف، في كل منها { $columns }
expect-table-key = المتوقّع قائمة صفوف، في كل منها { $columns }؛ ولا يتكرّر { $key } في صفين
column-required = { $id } ({ $type }، إلزامي)
column-optional = { $id } ({ $type })
range-between = { " " }من { $min } إلى { $max }{ $unit }
range-at-least = { " " }لا يقل عن { $min }{ $unit }
range-at-most = { " " }لا يزيد على { $max }{ $unit }
range-unit = ، بوحدة{ $unit }
expect-or-codes = { $expected }؛ أو الرمز { $codes }
code-label = "{ $code }" ({ $label })
code-label-number = "{ $code }" أو { $number } ({ $label })

## قراءة الرد

json-syntax = JSON غير صالح: { $detail }
    .label = هنا
toml-syntax = TOML غير صالح: { $detail }
    .label = هنا
not-utf8 = الملف ليس UTF-8 صالحًا: البايت { $byte } عند الإزاحة { $offset } ليس جزءًا من حرف UTF-8
    .label = ليس UTF-8
    .help = احفظ الرد بترميز UTF-8 (يجب تحويل ملف UTF-16 أو Latin-1)
duplicate-key = `{ $key }` معطى مرتين؛ يحكم canvass على الإجابة الأخيرة، كما تفعل قارئات JSON عادة
    .label = أُعطي مرة أخرى هنا: هذه الإجابة هي التي يُحكم عليها
    .help = احتفظ بإحدى الإجابتين واحذف الأخرى
duplicate-key-first = أُعطي أول مرة هنا: هذه الإجابة مُهمَلة
too-large = حجم الرد { $size }، وهو فوق الحد البالغ { $limit } بايت
    .help = ارفع الحد بالخيار --max-reply-bytes إن كان هذا الرد حقيقيًا
size-bytes = { $bytes } بايت
size-over = أكثر من { $limit } بايت
too-deep = الرد متداخل بأكثر من { $max } مستوى
    .label = متداخل أكثر من اللازم هنا
    .help = لا يتداخل أي استبيان بهذا العمق؛ ارفع الحد بالخيار --max-depth إن كان هذا الرد حقيقيًا
number-too-large = هذه القيمة أكبر من أن تكون عددًا يستطيع canvass حفظه
    .label = هنا
    .help = اكتب العدد صحيحًا أو عشريًا ضمن النطاق
number-not-finite = هذه القيمة ليست عددًا منتهيًا (nan وinf ليستا إجابتين)
    .label = هنا
    .help = اكتب العدد صحيحًا أو عشريًا ضمن النطاق
questionnaire-not-found = يذكر الرد الاستبيان "{ $id }"، وهو غير موجود في questionnaires/
    .label = استبيان غير معروف
    .help = اكتب `questionnaire = "<id>"` في أعلى الرد، أو مرّر -q QUESTIONNAIRE
questionnaire-not-an-id = قيمة `questionnaire` في الرد ليست معرّف استبيان
    .label = استبيان غير معروف
    .help = اكتب `questionnaire = "<id>"` في أعلى الرد، أو مرّر -q QUESTIONNAIRE
questionnaire-not-named = لا يذكر الرد الاستبيان الذي يجيب عنه
    .label = استبيان غير معروف
    .help = اكتب `questionnaire = "<id>"` في أعلى الرد، أو مرّر -q QUESTIONNAIRE
skipped-not-a-file = هذا المدخل في المجلد ليس ملفًا عاديًا (FIFO أو مقبس أو جهاز): لا يُقرأ
    .help = ضع الرد نفسه في المجلد، أو مرّر --follow-links إن كان الرابط مقصودًا
skipped-link-out = هذا المدخل في المجلد رابط رمزي يؤدي إلى خارج المجلد: لا يُقرأ
    .help = ضع الرد نفسه في المجلد، أو مرّر --follow-links إن كان الرابط مقصودًا
skipped-link-not-a-file = هذا المدخل في المجلد رابط إلى شيء ليس ملفًا عاديًا (FIFO أو مقبس أو جهاز): لا يُقرأ
    .help = ضع الرد نفسه في المجلد، أو مرّر --follow-links إن كان الرابط مقصودًا
internal-error = تعطّل canvass أثناء فحص هذا الرد (خلل في canvass، لا في الرد)
    .help = فُحصت الردود الأخرى؛ يُرجى إبلاغ القائمين على canvass بهذا الرد
schema-refuses = يرفض المخطط المُجمَّع هذه الإجابة: { $error }
    .help = لم يستطع canvass أن يشرح هذا بكلماته؛ يُرجى الإبلاغ عنه
more-findings = { $message } (وملاحظات أخرى في هذا الرد عددها { $more }، غير معروضة)
more-findings-at-least = { $message } (وملاحظات أخرى في هذا الرد لا يقل عددها عن { $more }، غير معروضة؛ توقّف canvass عن البحث)

## التقارير

report-title = تقرير canvass
report-title-of = تقرير canvass: { $questionnaire }
verdict-valid = صالح
verdict-invalid = غير صالح
verdict-unreadable = تتعذّر قراءته
counts = الأخطاء: { $errors }، التحذيرات: { $warnings }
judged-by = { $id } الإصدار { $version }
summary = الردود المفحوصة: { $replies }؛ الصالحة: { $valid }، غير الصالحة: { $invalid }
summary-unreadable = ، المتعذّرة القراءة: { $count }
summary-not-checked = ، غير المفحوصة (تعطّل canvass): { $count }
summary-by-questionnaire = ؛ حسب الاستبيان: { $list }
question-line = السؤال { $number }: { $text }
question-line-unnumbered = السؤال: { $text }
explained-by-reply = شرحه الرد: { $note }
explained-by-reviewer = شرحه مراجِع: { $note }
at-line = { " " }— السطر { $line }، العمود { $column }
at-cell = { " " }— الخلية { $cell }

## الرد الفارغ (`canvass template`)

template-reply = الرد
template-how-to = احذف `#` قبل الإجابة لتعطيها؛ واترك السؤال لتتخطّاه.
template-codes-intro = حيث يسمح السؤال، يجوز أن تكون الإجابة أحد هذه الرموز:
template-only-if = فقط إذا
template-computed = يحسبه الاستبيان من الإجابات الأخرى؛ لا يُجاب عنه
template-required = إلزامي
template-or-code = أو رمز
template-please-specify = يُرجى التحديد
template-exclusive = لا يُجمع مع خيارات أخرى
template-specify-line = عندما تختار خيارًا يطلب منك التحديد
template-true-false = true أو false
template-one-option = أحد الخيارات
template-options-list = قائمة خيارات
template-text = نص
template-at-most-chars = حرفًا على الأكثر
template-email = عنوان بريد إلكتروني
template-whole-number = عدد صحيح
template-number = عدد
template-year = سنة
template-date = تاريخ YYYY-MM-DD
template-time = وقت hh:mm، بنظام 24 ساعة
template-country = رمز بلد وفق ISO 3166-1 alpha-3، مثل "AUT"
template-table = جدول: صف لكل مدخل، بهذه الأعمدة
template-at-least-rows = صفوف على الأقل
template-to = إلى
template-at-least = على الأقل
template-at-most = على الأكثر

## جداول على الردود (`canvass tabulate`).

tabulate-title = { $id } الإصدار { $version }: الردود المحسوبة: { $replies }
tabulate-answered = أُجيب عنه
tabulate-not-applicable = لا ينطبق (تخطّاه شرطه)
tabulate-unanswered = بلا إجابة
tabulate-sum = المجموع
tabulate-sum-too-long = أكثر من 28 رقمًا معنويًا: لم يُقرَّب ولم يُعرض
tabulate-min = الأصغر
tabulate-median = الوسيط
tabulate-max = الأكبر
tabulate-first-date = الأبكر
tabulate-last-date = الأحدث
tabulate-with-rows = الردود التي فيها صف واحد على الأقل
tabulate-rows = مجموع الصفوف
tabulate-yes = نعم
tabulate-no = لا
tabulate-contents = المحتويات
tabulate-over-keys = مفتاحًا مفتاحًا
tabulate-all = الكل
tabulate-unknown-region = ليست دولة عضوًا في الأمم المتحدة
tabulate-previous-cycle = الدورة السابقة
tabulate-this-cycle = هذه الدورة

## صفحة HTML.

html-severity = الدرجة
html-code = الرمز
html-question = السؤال
html-all = الكل
html-shown = ملاحظات معروضة
html-replies-with = الردود التي فيها
html-index = الردود
html-file = الملف
html-respondent = المجيب
html-questionnaire = الاستبيان
html-status = الحالة
html-errors = الأخطاء
html-warnings = التحذيرات
html-questions = حيث يتعثّر المجيبون
html-replies-by-code = الردود التي فيها ملاحظة هناك، حسب الرمز
html-whole-reply = (الرد في مجمله)

## الشروط بالكلمات، في النموذج.

condition-question = السؤال { $number }
condition-is = { $question } هو { $value }
condition-is-not = { $question } ليس { $value }
condition-less = { $question } أقل من { $value }
condition-at-most = { $question } لا يزيد على { $value }
condition-more = { $question } أكثر من { $value }
condition-at-least = { $question } لا يقل عن { $value }
condition-chosen = اختير { $value } في { $question }
condition-answered = أُجيب عن { $question }
condition-not-answered = لم يُجب عن { $question }
condition-and = { $a } و{ $b }
condition-or = { $a } أو { $b }
condition-or-word = أو
condition-quoted = «{ $text }»

## المصنّف (`canvass template --format xlsx`)

workbook-cover = عن هذا المصنّف
workbook-instructions = املأ الخلايا الصفراء، ورقةً ورقة. حيث تعرض الخلية قائمة، اختر منها؛ والرمز مثل "لا أعرف" موجود في القائمة نفسها. اترك الخلية فارغة إن لم تكن لديك إجابة. لا تغيّر أسماء الأوراق ولا تنقلها ولا تحذفها.
workbook-return = أعد هذا الملف، بعد ملئه، إلى الأمانة التي أرسلته.
workbook-questionnaire = الاستبيان
workbook-version = الإصدار
workbook-language = اللغة
workbook-respondent = المجيب
workbook-number = الرقم
workbook-question = السؤال
workbook-answer = الإجابة
workbook-unit = الوحدة
workbook-condition = متى
workbook-explanations = الشروح
workbook-explanations-intro = حيث يشكّك فحصٌ أدناه في إجاباتك وهي صحيحة مع ذلك، اكتب السبب في الخلية الصفراء بجانبه. لا يُقرأ الشرح إلا للفحوص المذكورة هنا؛ أما الخطأ فيجب تصحيحه.
workbook-rule = الفحص
workbook-rule-checks = ما يفحصه
workbook-explanation = شرحك

## قراءة رد في مصنّف
workbook-not-readable = الملف ليس مصنّفًا يستطيع canvass قراءته: { $why }
    .help = أرسل المصنّف كما يحفظه برنامج الجداول (.xlsx)، دون إعادة تسمية أو إصلاح يدوي
workbook-too-large = بعد فك الضغط، سيشغل هذا المصنّف { $size } بايت، فوق الحد البالغ { $limit }
    .help = ارفع الحد بالخيار --max-reply-bytes (قد يتضاعف المصنّف أربع مرات عند فكّه) إن كان هذا المصنّف حقيقيًا
workbook-macros = يحتوي المصنّف على وحدات ماكرو؛ ولا يقبل canvass مصنّفات فيها وحدات ماكرو
    .help = احفظه مصنّف Excel (.xlsx) بلا وحدات ماكرو، وأرسله من جديد
workbook-not-template = لم يُصنع المصنّف من استبيان canvass، فلا يمكن معرفة السؤال الذي تجيب عنه أي خلية
    .help = املأ المصنّف الذي أرسلته الأمانة (المصنوع بالأمر `canvass template --format xlsx`) وأرسله
workbook-formula-without-value = في الخلية صيغة ({ $formula }) لم تُحسب قيمتها قط
    .label = بلا قيمة
    .help = افتح المصنّف في برنامج جداول واحفظه لتُحسب القيمة، أو اكتب القيمة في الخلية
workbook-error-value = تعرض الخلية الخطأ { $error }، لا إجابة
    .label = { $error }
    .help = صحّح الصيغة، أو اكتب القيمة في الخلية
workbook-sheet-gone = خلايا القسم { $section } غير موجودة في المصنّف: حُذفت ورقته
    .help = انسخ الإجابات إلى ورقة القسم في المصنّف المُرسَل، وأرسله
workbook-cell-gone = خلية هذه الإجابة غير موجودة في المصنّف: حُذف صفّها أو اسمها
    .help = انسخ الإجابة إلى المصنّف المُرسَل، وأرسله

## الرسالة إلى المجيب (`intake letter`)
letter-title = { $title }: طلب تحقّق
letter-greeting = إلى { $respondent }،
letter-intro = شكرًا على ردّكم (الإصدار { $version }، الوارد في { $date }، الملف { $file }). قبل أن يُعتمد، يُرجى النظر في النقاط أدناه وإرسال إصدار مصحّح، أو إخبارنا لماذا الإجابات صحيحة كما هي.
letter-intro-done = شكرًا على ردّكم (الإصدار { $version }، الوارد في { $date }، الملف { $file }).
letter-none = لا نقاط مفتوحة في ردّكم: لا يلزم شيء آخر.
letter-open = { $count ->
    [one] نقطة واحدة للنظر فيها
   *[other] النقاط المطلوب النظر فيها: { $count }
}
letter-question = السؤال { $number }: { $text }
letter-fixed-item = السؤال { $number }: { $value }
letter-what = ما الخطأ: { $value }
letter-expected = ما العمل: { $value }
letter-explain = إن كانت الإجابات صحيحة كما هي، فاذكروا السبب: في ملفكم، تحت `[explanations]`، اكتبوا `{ $value } = "…"` (وفي المصنّف، في ورقة الشروح)
letter-where = أين: { $value }
letter-at-line = السطر { $line }، العمود { $column } من ملفكم
letter-at-cell = الخلية { $cell } من مصنّفكم
letter-fixed = { $count ->
    [one] ما صُحّح منذ إصداركم السابق
   *[other] ما صُحّح منذ إصداركم السابق ({ $count })
}
letter-fixed-since-letter = { $count ->
    [one] ما صُحّح أو شُرح منذ رسالتنا المؤرّخة { $date }
   *[other] ما صُحّح أو شُرح منذ رسالتنا المؤرّخة { $date } ({ $count })
}
letter-closing = مع الشكر، الأمانة

## صفحة المجيب (`canvass serve`)
serve-check = تحقّق
serve-add-row = أضف صفًا إلى كل جدول
serve-save-draft = احفظ المسودة
serve-submit = أرسل
serve-no-findings = لا شيء لتصحيحه: يمكن إرسال الرد.
serve-findings = { $count ->
    [one] نقطة واحدة للنظر فيها
   *[other] النقاط المطلوب النظر فيها: { $count }
}
serve-or-code = أو رمز إجابة
serve-yes = نعم
serve-no = لا
serve-receipt = ورد: الإصدار { $version } ({ $stage })، { $time }، SHA-256 { $sha256 }.
serve-download-workbook = نزّل المصنّف (مملوءًا بإصدارك الأخير)
serve-download-toml = نزّل نموذج TOML
serve-upload = أو أرسل ملفًا مملوءًا (TOML أو JSON أو المصنّف):
serve-other-respondent = هذا الملف ردّ عن { $named }، لا عن مجيب هذا الرابط: لم يُحفظ.
