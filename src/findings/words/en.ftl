# The wording of reply findings and reports, in English.
# One message per finding kind; `.label` is written under the span, `.help` says what to do.
# Every message here exists in fr.ftl and es.ftl with the same attributes and variables (a test holds
# them to it). Values arrive already quoted where the wording quotes them.

## The reply as a whole

reply-not-a-table = a reply must be a table of sections, not { $value }
    .help = start from `canvass template { $questionnaire }`
reply-names-other = the reply names { $key } { $value }, but this is { $key } "{ $expected }"
    .label = expected "{ $expected }"
    .help = write `{ $key } = "{ $expected }"` at the top of the reply
reply-names-none = the reply does not say which { $key } it answers
    .label = expected "{ $expected }"
    .help = write `{ $key } = "{ $expected }"` at the top of the reply
unknown-section = `{ $key }` is not a section of this questionnaire
    .label = unknown
section-not-a-table = section `{ $section }` must be a table of answers, not { $value }
    .help = write the answers under a `[{ $section }]` header
unknown-question = section `{ $section }` has no question `{ $key }`
    .label = unknown
help-move-to-section = `{ $key }` is a question of section { $sections }: move it there
help-did-you-mean-section = did you mean section `{ $near }`?
help-sections-are = the sections are { $ids }
help-did-you-mean = did you mean `{ $near }`?
help-questions-are = the questions of section `{ $section }` are { $ids }
list-or = { $first } or { $second }

explanations-not-a-table = `explanations` must be a table from a rule's id to a text, not { $value }
    .help = write `[explanations]`, then one line a rule: `rule_id = "why the answers are right"`
explanation-unknown = `{ $key }` is not a rule this reply may explain
    .label = not a rule that may be explained
help-explain-error-rule = rule `{ $rule }` is an error: correct the answers it reads; only warnings and rules that ask for an explanation can be explained
help-explainable-none = this questionnaire has no rule a reply may explain
help-explainable-rules = the rules that may be explained are { $ids }
explanation-not-text = an explanation is text, not { $value }
    .help = write why the answers are right, in quotes

## Missing and unexpected answers

missing-answer = question { $number } is required but has no answer
    .label = the answer to { $number } belongs in this section
missing-answer-because = question { $number } is required because `{ $condition }` holds, but it has no answer
    .label = the answer to { $number } belongs in this section
missing-section = section [{ $section }] is missing from the reply
not-applicable = question { $number } is answered, but it applies only when `{ $condition }`
    .label = should be left unanswered
    .help = remove this answer, or correct the answer it depends on
why-required = , which makes it required
why-not-applicable = , so it does not apply
related-value = { $id } = { $value }{ $why }
related-code = { $id } = "{ $code }" (a code){ $why }
related-previous = { $id } was { $value } in the previous cycle
related-blank = { $id } has no answer{ $why }
related-computed = { $id } = { $value } (computed){ $why }
related-not-computed = { $id } cannot be computed, for want of the answers it reads{ $why }
related-sums = { $sums } over { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    }
missing-specify = "{ $option }" is chosen in question { $number }, but `{ $specify }` does not say what it is
    .label = `{ $specify }` belongs in this section
    .help = add `{ $specify } = "…"` describing "{ $option }"
missing-specify-cell = { $row } chose "{ $option }" in `{ $column }`, but `{ $specify }` does not say what it is
    .label = `{ $specify }` belongs in this row
    .help = add `{ $specify } = "…"` to the row, describing "{ $option }"
unexpected-specify = `{ $specify }` is given, but no option of question { $number } that asks for it is chosen
    .label = nothing to specify
    .help = remove it, or choose the option it describes
specify-not-text = `{ $specify }` must be text, not { $value }
    .help = describe the option in words

## Values

wrong-type = expected { $want }, but the answer is { $value }
    .label = not { $want }
wrong-type-number-as-text = expected { $want }, but the answer is { $value }, a number written as text
    .label = not { $want }
    .help = write it as a number, without quotes, spaces or thousands separators: { $number }
want-yes-no = true or false
want-choice = one option, as text
want-multi = a list of options
want-text = text
want-integer = a whole number
want-number = a number
want-date = a date
want-time = a time of day, as text
want-year = a year
want-country = a country code, as text
want-table = a list of rows
not-an-option = "{ $value }" is not one of the options
    .label = not an option
not-an-option-near = "{ $value }" is not one of the options; did you mean "{ $near }"?
    .label = not an option
code-not-accepted = the code "{ $value }" exists, but question { $number } accepts only { $codes }
    .label = not accepted here
code-not-accepted-none = the code "{ $value }" exists, but question { $number } accepts no code
    .label = not accepted here
chosen-twice = "{ $value }" is chosen more than once
    .label = chosen again here
choice-not-text = each choice must be an option, as text, not { $value }
    .label = not an option
more-in-list = { $message } (and { $more } more problems in this list)
exclusive-option = "{ $option }" cannot be combined with other choices
    .label = chosen with others
    .help = choose "{ $option }" alone, or remove it and keep the other choices
too-few-choices = { $count } { $count ->
        [one] choice
       *[other] choices
    } given; at least { $min } needed
    .label = { $count } { $count ->
        [one] choice
       *[other] choices
    }
too-many-choices = { $count } { $count ->
        [one] choice
       *[other] choices
    } given; at most { $max } allowed
    .label = { $count } { $count ->
        [one] choice
       *[other] choices
    }
too-few-rows = { $count } { $count ->
        [one] row
       *[other] rows
    } given; at least { $min } needed
    .label = { $count } { $count ->
        [one] row
       *[other] rows
    }
too-many-rows = { $count } { $count ->
        [one] row
       *[other] rows
    } given; at most { $max } allowed
    .label = { $count } { $count ->
        [one] row
       *[other] rows
    }
control-character = the answer holds the control character { $character }, which no form lets a respondent type
    .label = control character
too-long = the answer is { $length } characters long; at most { $max } allowed
    .label = too long
too-short = the answer is { $length } characters long; at least { $min } needed
    .label = too short
no-pattern-match = the answer does not have the expected form
    .label = does not match the pattern
not-an-email = "{ $value }" is not an e-mail address
    .label = not an e-mail address
not-a-country = "{ $value }" is not an ISO 3166-1 alpha-3 country code
    .label = not a country code
not-a-time = "{ $value }" is not a time of day written hh:mm (09:30, 17:45)
    .label = not a time
not-a-country-near = "{ $value }" is not an ISO 3166-1 alpha-3 country code; did you mean "{ $near }"?
    .label = not a country code
too-many-digits = the number { $value } has { $digits } significant digits; canvass judges numbers exactly up to { $most }
    .label = cannot be judged exactly
    .help = round the answer to at most { $most } significant digits
too-large-to-judge = the number { $value } is too large or too small to judge exactly; canvass holds numbers below 10^{ $most } with at most { $most } decimal places
    .label = cannot be judged exactly
    .help = write the answer without an exponent, within that range
below-minimum = { $value }{ $unit } is below the minimum of { $min }{ $unit }
    .label = out of range
above-maximum = { $value }{ $unit } is above the maximum of { $max }{ $unit }
    .label = out of range
date-form = "{ $value }" is not a date written YYYY-MM-DD
    .label = not a date
date-no-month = "{ $value }" is not a real date: there is no month { $month }
    .label = not a date
date-no-day = "{ $value }" is not a real date: that month has { $days } days
    .label = not a date
date-too-early = { $value } is before the earliest date allowed, { $min }
    .label = out of range
date-too-late = { $value } is after the latest date allowed, { $max }
    .label = out of range

## Tables

rows-over-limit = { $count } rows, over canvass's limit of { $limit }
    .help = raise the limit with --max-rows if this reply is genuine
row-not-a-table = { $row } must be a table of columns, not { $value }
    .label = not a row
unknown-column = { $row } has a column `{ $key }` that the table does not have
    .label = unknown column
help-columns-near = did you mean `{ $near }`? the columns are { $ids }
help-columns-are = the columns are { $ids }
missing-cell = { $row } has no `{ $column }`, which every row needs
    .label = `{ $column }` is missing in this row
missing-cell-because = { $row } has no `{ $column }`, which is required because `{ $condition }` holds in that row
    .label = `{ $column }` is missing in this row
cell-not-applicable = { $row } has `{ $column }`, but in a row it applies only when `{ $condition }`
    .label = should be left unanswered in this row
    .help = remove this cell, or correct the answer it depends on
computed-answered = `{ $id }` is computed by the questionnaire, so it is not answered
    .label = computed, not answered
    .help = remove this answer: canvass computes `{ $id }` as `{ $compute }`
duplicate-row = rows { $first } and { $row } have the same { $key }, { $value }
    .label = same as an earlier row
    .help = each row needs its own { $key }: merge the two rows or correct one
duplicate-row-first = row { $first } has it first

row-missing = { $row } is missing: this table gives its rows in advance ({ $rows })
    .help = add a row whose `{ $column }` is { $key }
row-not-given = { $value } is not one of the rows this table gives in advance ({ $rows })
    .help = correct the key, or remove the row
row-number = row { $number }
row-key = the row for { $key }

## Rules

rule-failed = { $message } ({ $values })
    .help = the rule `{ $rule }` requires { $check }
rule-failed-in-row = { $row }: { $message } ({ $values })
    .help = the rule `{ $rule }` requires { $check } in every row
rule-failed-nowhere = { $message }
    .help = the rule `{ $rule }` requires { $check }
rule-not-checked = not checked: { $message } ({ $values })
    .help = the rule `{ $rule }` ({ $check }) cannot be judged while an answer it reads is a code: give the figure, or keep the code and tell the secretariat why
rule-not-checked-in-row = { $row }, not checked: { $message } ({ $values })
    .help = the rule `{ $rule }` ({ $check }) cannot be judged in this row while an answer it reads is a code: give the figure, or keep the code and tell the secretariat why

## What an answer is, and what a question expects

value-nothing = nothing
value-number = the number { $number }
value-text = the text "{ $text }"
value-list = a list
value-table = a table
value-rows = { $count } rows
expect-yes-no = expected true or false
expect-choice = expected one of { $options }
expect-multi = expected a list of options from { $options }
expect-multi-between = expected a list of options from { $options }, { $min } to { $max } of them
expect-multi-at-least = expected a list of options from { $options }, at least { $min }
expect-multi-at-most = expected a list of options from { $options }, at most { $max }
expect-text = expected text{ $length }{ $pattern }
expect-email = expected an e-mail address{ $length }{ $pattern }
length-between = { " " }of { $min } to { $max } characters
length-at-least = { " " }of at least { $min } characters
length-at-most = { " " }of at most { $max } characters
pattern = { " " }matching the pattern { $pattern }
pattern-in-words = : { $pattern }
expect-integer = expected a whole number{ $range }
expect-number = expected a number{ $range }
expect-year = expected a year{ $range }
expect-date = expected a date written YYYY-MM-DD{ $range }
expect-time = expected a time of day written hh:mm, on a 24-hour clock (09:30, 17:45)
expect-country = expected an ISO 3166-1 alpha-3 country code, such as "AUT" or "FRA"
expect-table = expected a list of rows, each with { $columns }
expect-table-key = expected a list of rows, each with { $columns }; no two rows with the same { $key }
column-required = { $id } ({ $type }, required)
column-optional = { $id } ({ $type })
range-between = { " " }from { $min } to { $max }{ $unit }
range-at-least = { " " }of at least { $min }{ $unit }
range-at-most = { " " }of at most { $max }{ $unit }
range-unit = , in{ $unit }
expect-or-codes = { $expected }; or the code { $codes }
code-label = "{ $code }" ({ $label })
code-label-number = "{ $code }" or { $number } ({ $label })

## Reading a reply

json-syntax = invalid JSON: { $detail }
    .label = here
toml-syntax = invalid TOML: { $detail }
    .label = here
not-utf8 = the file is not valid UTF-8: byte { $byte } at offset { $offset } is not part of a UTF-8 character
    .label = not UTF-8
    .help = save the reply as UTF-8 (a UTF-16 or Latin-1 file must be converted)
duplicate-key = `{ $key }` is given twice; canvass judges the later answer, as JSON readers commonly do
    .label = given again here: this answer is judged
    .help = keep one of the two answers and delete the other
duplicate-key-first = first given here: this answer is ignored
too-large = the reply is { $size }, over the limit of { $limit } bytes
    .help = raise the limit with --max-reply-bytes if this reply is genuine
size-bytes = { $bytes } bytes
size-over = more than { $limit } bytes
too-deep = the reply is nested more than { $max } levels deep
    .label = too deep here
    .help = no questionnaire nests answers this deep; raise the limit with --max-depth if this reply is genuine
number-too-large = this value is too large to be a number canvass can store
    .label = here
    .help = write the number as a whole number or decimal within range
number-not-finite = this value is not a finite number (nan and inf are not answers)
    .label = here
    .help = write the number as a whole number or decimal within range
questionnaire-not-found = the reply names questionnaire "{ $id }", which is not under questionnaires/
    .label = unknown questionnaire
    .help = write `questionnaire = "<id>"` at the top of the reply, or pass -q QUESTIONNAIRE
questionnaire-not-an-id = the reply's `questionnaire` is not a questionnaire id
    .label = unknown questionnaire
    .help = write `questionnaire = "<id>"` at the top of the reply, or pass -q QUESTIONNAIRE
questionnaire-not-named = the reply does not say which questionnaire it answers
    .label = unknown questionnaire
    .help = write `questionnaire = "<id>"` at the top of the reply, or pass -q QUESTIONNAIRE
skipped-not-a-file = this folder entry is not a regular file (a FIFO, socket or device): it is not read
    .help = put the reply itself in the folder, or pass --follow-links if the link is meant
skipped-link-out = this folder entry is a symbolic link that leads out of the folder: it is not read
    .help = put the reply itself in the folder, or pass --follow-links if the link is meant
skipped-link-not-a-file = this folder entry is a link to something that is not a regular file (a FIFO, socket or device): it is not read
    .help = put the reply itself in the folder, or pass --follow-links if the link is meant
internal-error = canvass failed while checking this reply (a bug in canvass, not in the reply)
    .help = the other replies were checked; please report this reply to canvass's maintainers
schema-refuses = the compiled schema refuses this answer: { $error }
    .help = canvass could not explain this in its own words; please report it
more-findings = { $message } (and { $more } more findings in this reply, not shown)
more-findings-at-least = { $message } (and at least { $more } more findings in this reply, not shown; canvass stopped looking)

## Reports

report-title = canvass report
report-title-of = canvass report: { $questionnaire }
verdict-valid = valid
verdict-invalid = invalid
verdict-unreadable = cannot be read
counts = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
judged-by = { $id } version { $version }
summary = { $replies } { $replies ->
        [one] reply
       *[other] replies
    } checked: { $valid } valid, { $invalid } invalid
summary-unreadable = , { $count } unreadable
summary-not-checked = , { $count } not checked (canvass failed)
summary-by-questionnaire = ; by questionnaire: { $list }
question-line = Question { $number }: { $text }
question-line-unnumbered = Question: { $text }
explained-by-reply = explained by the reply: { $note }
explained-by-reviewer = explained by a reviewer: { $note }
at-line = { " " }— line { $line }, column { $column }
at-cell = { " " }— cell { $cell }

## The blank reply (`canvass template`)

template-reply = reply
template-how-to = Remove the `#` before an answer to give it; leave a question out to skip it.
template-codes-intro = Where a question allows it, an answer may be one of these codes:
template-only-if = Only if
template-computed = computed by the questionnaire from the other answers; not answered
template-required = required
template-or-code = or a code
template-please-specify = please specify
template-exclusive = not with other options
template-specify-line = when you choose an option that asks you to specify
template-true-false = true or false
template-one-option = one of the options
template-options-list = a list of options
template-text = text
template-at-most-chars = characters at most
template-email = an e-mail address
template-whole-number = whole number
template-number = number
template-year = year
template-date = date YYYY-MM-DD
template-time = time hh:mm, 24-hour clock
template-country = ISO 3166-1 alpha-3 country code, e.g. "AUT"
template-table = table: one row per entry, with these columns
template-at-least-rows = rows at least
template-to = to
template-at-least = at least
template-at-most = at most

## Tables over the replies (`canvass tabulate`).

tabulate-title = { $id } version { $version }: { $replies } { $replies ->
        [one] reply
       *[other] replies
    } counted
tabulate-answered = answered
tabulate-not-applicable = not applicable (skipped by its condition)
tabulate-unanswered = unanswered
tabulate-sum = sum
tabulate-sum-too-long = more than 28 significant digits: not rounded, not shown
tabulate-min = smallest
tabulate-median = median
tabulate-max = largest
tabulate-first-date = earliest
tabulate-last-date = latest
tabulate-with-rows = replies with at least one row
tabulate-rows = rows in all
tabulate-yes = Yes
tabulate-no = No
tabulate-contents = Contents
tabulate-over-keys = key by key
tabulate-all = all
tabulate-unknown-region = not a UN member state
tabulate-previous-cycle = previous cycle
tabulate-this-cycle = this cycle

## The HTML page.

html-severity = Severity
html-code = Code
html-question = Question
html-all = all
html-shown = findings shown
html-replies-with = replies with it
html-index = Replies
html-file = File
html-respondent = Respondent
html-questionnaire = Questionnaire
html-status = Status
html-errors = Errors
html-warnings = Warnings
html-questions = Where respondents stumble
html-replies-by-code = Replies with a finding there, by code
html-whole-reply = (the reply as a whole)

## Conditions in words, in the template.

condition-question = question { $number }
condition-is = { $question } is { $value }
condition-is-not = { $question } is not { $value }
condition-less = { $question } is less than { $value }
condition-at-most = { $question } is at most { $value }
condition-more = { $question } is more than { $value }
condition-at-least = { $question } is at least { $value }
condition-chosen = { $value } is chosen in { $question }
condition-answered = { $question } is answered
condition-not-answered = { $question } is not answered
condition-and = { $a } and { $b }
condition-or = { $a } or { $b }
condition-or-word = or
condition-quoted = “{ $text }”

## The workbook (`canvass template --format xlsx`)

workbook-cover = About this workbook
workbook-instructions = Fill in the yellow cells, sheet by sheet. Where a cell offers a list, choose from it; a code such as "Don't know" is in the same list. Leave a cell blank when you have no answer. Do not rename, move or delete the sheets.
workbook-return = Return this file, filled in, to the secretariat that sent it.
workbook-questionnaire = Questionnaire
workbook-version = Version
workbook-language = Language
workbook-respondent = Respondent
workbook-number = No.
workbook-question = Question
workbook-answer = Answer
workbook-unit = Unit
workbook-condition = When
workbook-explanations = Explanations
workbook-explanations-intro = Where a check below questions your answers and they are right all the same, say why in the yellow cell beside it. An explanation is read only for the checks listed here; an error must be corrected.
workbook-rule = Check
workbook-rule-checks = What it checks
workbook-explanation = Your explanation

## Reading a workbook reply
workbook-not-readable = the file is not a workbook canvass can read: { $why }
    .help = send the workbook as the spreadsheet program saves it (.xlsx), not renamed or repaired by hand
workbook-too-large = unpacked, this workbook would take { $size } bytes, over the limit of { $limit }
    .help = raise the limit with --max-reply-bytes (a workbook may unpack to four times it) if this workbook is genuine
workbook-macros = the workbook holds macros; canvass does not take workbooks with macros
    .help = save it as an Excel Workbook (.xlsx), without macros, and send it again
workbook-not-template = the workbook was not made from a canvass questionnaire, so no cell can be told to answer a question
    .help = fill in the workbook the secretariat sent (made by `canvass template --format xlsx`) and send that
workbook-formula-without-value = the cell holds a formula ({ $formula }) whose value was never computed
    .label = no value
    .help = open the workbook in a spreadsheet program and save it, so the value is computed, or type the value in the cell
workbook-error-value = the cell shows the error { $error }, not an answer
    .label = { $error }
    .help = correct the formula, or type the value in the cell
workbook-sheet-gone = the cells of section { $section } are not in the workbook: its sheet was deleted
    .help = copy the answers into the section's sheet of the workbook that was sent, and send that
workbook-cell-gone = the cell of this answer is not in the workbook: its row or its name was deleted
    .help = copy the answer into the workbook that was sent, and send that

## The letter to a respondent (`intake letter`)
letter-title = { $title }: request for validation
letter-greeting = To { $respondent },
letter-intro = Thank you for your reply (version { $version }, received on { $date }, file { $file }). Before it can be taken in, please look at the points below and send a corrected version, or tell us why the answers are right as they are.
letter-intro-done = Thank you for your reply (version { $version }, received on { $date }, file { $file }).
letter-none = Your reply has no open points: nothing more is needed.
letter-open = { $count ->
    [one] One point to look at
   *[other] { $count } points to look at
}
letter-question = Question { $number }: { $text }
letter-fixed-item = Question { $number }: { $value }
letter-what = What is wrong: { $value }
letter-expected = What to do: { $value }
letter-explain = If the answers are right as they are, say why: in your file, under `[explanations]`, write `{ $value } = "…"` (in a workbook, on the Explanations sheet)
letter-where = Where: { $value }
letter-at-line = line { $line }, column { $column } of your file
letter-at-cell = cell { $cell } of your workbook
letter-fixed = { $count ->
    [one] Corrected since your previous version
   *[other] Corrected since your previous version ({ $count })
}
letter-fixed-since-letter = { $count ->
    [one] Corrected or explained since our letter of { $date }
   *[other] Corrected or explained since our letter of { $date } ({ $count })
}
letter-closing = With our thanks, the secretariat

## The respondent's page (`canvass serve`)
serve-check = Check
serve-add-row = Add a row to each table
serve-save-draft = Save draft
serve-submit = Submit
serve-no-findings = Nothing to correct: the reply can be submitted.
serve-findings = { $count ->
    [one] One point to look at
   *[other] { $count } points to look at
}
serve-or-code = or an answer code
serve-yes = Yes
serve-no = No
serve-receipt = Received: version { $version } ({ $stage }), { $time }, SHA-256 { $sha256 }.
serve-download-workbook = Download the workbook (filled with your last version)
serve-download-toml = Download a TOML template
serve-upload = Or send a filled file (TOML, JSON or the workbook):
serve-other-respondent = This file replies for { $named }, not for the respondent of this link: it was not stored.
