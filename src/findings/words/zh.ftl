# 对答复的审查意见和报告的措辞，中文。
# 每种审查意见一条消息；`.label` 写在摘录下方，`.help` 说明该怎么做。
# 标识符、代码和数值保持其在答复中的写法。

## 答复整体

reply-not-a-table = 答复必须是由各部分组成的表，而不是{ $value }
    .help = 从 `canvass template { $questionnaire }` 开始
reply-names-other = 答复写的 { $key } 是 { $value }，但此处的 { $key } 是 "{ $expected }"
    .label = 应为 "{ $expected }"
    .help = 在答复开头写 `{ $key } = "{ $expected }"`
reply-names-none = 答复没有说明它答复的是哪个 { $key }
    .label = 应为 "{ $expected }"
    .help = 在答复开头写 `{ $key } = "{ $expected }"`
unknown-section = `{ $key }` 不是本问卷的部分
    .label = 未知
section-not-a-table = 部分 `{ $section }` 必须是由答案组成的表，而不是{ $value }
    .help = 把答案写在 `[{ $section }]` 标题之下
unknown-question = 部分 `{ $section }` 没有问题 `{ $key }`
    .label = 未知
help-move-to-section = `{ $key }` 是部分 { $sections } 的问题：请移到那里
help-did-you-mean-section = 您是指部分 `{ $near }` 吗？
help-sections-are = 各部分为 { $ids }
help-did-you-mean = 您是指 `{ $near }` 吗？
help-questions-are = 部分 `{ $section }` 的问题为 { $ids }
list-or = { $first }或{ $second }

explanations-not-a-table = `explanations` 必须是从规则标识到文字的表，而不是{ $value }
    .help = 写 `[explanations]`，然后每条规则一行：`rule_id = "答案为何正确"`
explanation-unknown = `{ $key }` 不是本答复可以解释的规则
    .label = 不是可解释的规则
help-explain-error-rule = 规则 `{ $rule }` 属于错误：请更正它读取的答案；只有警告和要求解释的规则才能解释
help-explainable-none = 本问卷没有答复可以解释的规则
help-explainable-rules = 可以解释的规则为 { $ids }
explanation-not-text = 解释是文字，而不是{ $value }
    .help = 用引号写出答案为何正确

## 缺少的答案和多余的答案

missing-answer = 问题 { $number } 是必答题，但没有答案
    .label = { $number } 的答案应在本部分
missing-answer-because = 由于 `{ $condition }` 成立，问题 { $number } 是必答题，但没有答案
    .label = { $number } 的答案应在本部分
missing-section = 答复中缺少部分 [{ $section }]
not-applicable = 问题 { $number } 已作答，但它仅在 `{ $condition }` 时适用
    .label = 应不作答
    .help = 删除此答案，或更正它所依赖的答案
why-required = ，因此它为必答
why-not-applicable = ，因此它不适用
related-value = { $id } = { $value }{ $why }
related-code = { $id } = "{ $code }"（代码）{ $why }
related-previous = 上一周期中 { $id } 为 { $value }
related-blank = { $id } 没有答案{ $why }
related-computed = { $id } = { $value }（计算所得）{ $why }
related-not-computed = 由于缺少 { $id } 所读取的答案，无法计算它{ $why }
related-sums = { $sums }，共 { $rows } 行
missing-specify = 问题 { $number } 选择了 "{ $option }"，但 `{ $specify }` 没有说明它是什么
    .label = `{ $specify }` 应在本部分
    .help = 添加 `{ $specify } = "…"`，说明 "{ $option }"
missing-specify-cell = { $row } 在 `{ $column }` 中选择了 "{ $option }"，但 `{ $specify }` 没有说明它是什么
    .label = `{ $specify }` 应在本行
    .help = 在该行添加 `{ $specify } = "…"`，说明 "{ $option }"
unexpected-specify = 给出了 `{ $specify }`，但问题 { $number } 中要求说明的选项都未被选择
    .label = 无需说明
    .help = 删除它，或选择它所说明的选项
specify-not-text = `{ $specify }` 必须是文字，而不是{ $value }
    .help = 用文字说明该选项

## 数值

wrong-type = 应为{ $want }，但答案是{ $value }
    .label = 不是{ $want }
wrong-type-number-as-text = 应为{ $want }，但答案是{ $value }，即以文字写出的数字
    .label = 不是{ $want }
    .help = 请写成数字，不加引号、空格或千位分隔符：{ $number }
want-yes-no = true 或 false
want-choice = 一个选项（文字）
want-multi = 选项列表
want-text = 文字
want-integer = 整数
want-number = 数字
want-date = 日期
want-time = 一天中的时间（文字）
want-year = 年份
want-country = 国家代码（文字）
want-table = 行列表
not-an-option = "{ $value }" 不是选项之一
    .label = 不是选项
not-an-option-near = "{ $value }" 不是选项之一；您是指 "{ $near }" 吗？
    .label = 不是选项
code-not-accepted = 代码 "{ $value }" 存在，但问题 { $number } 只接受 { $codes }
    .label = 此处不接受
code-not-accepted-none = 代码 "{ $value }" 存在，但问题 { $number } 不接受任何代码
    .label = 此处不接受
chosen-twice = "{ $value }" 被选择了不止一次
    .label = 在此再次选择
choice-not-text = 每个选择都必须是选项（文字），而不是{ $value }
    .label = 不是选项
more-in-list = { $message }（此列表中另有 { $more } 个问题）
exclusive-option = "{ $option }" 不能与其他选择同时选
    .label = 与其他选项同时选择
    .help = 只选 "{ $option }"，或删除它并保留其他选择
too-few-choices = 给出了 { $count } 个选择；至少需要 { $min } 个
    .label = { $count } 个选择
too-many-choices = 给出了 { $count } 个选择；最多允许 { $max } 个
    .label = { $count } 个选择
too-few-rows = 给出了 { $count } 行；至少需要 { $min } 行
    .label = { $count } 行
too-many-rows = 给出了 { $count } 行；最多允许 { $max } 行
    .label = { $count } 行
control-character = 答案含有控制字符 { $character }，任何表格都不会让答复者输入它
    .label = 控制字符
too-long = 答案长 { $length } 个字符；最多允许 { $max } 个
    .label = 过长
too-short = 答案长 { $length } 个字符；至少需要 { $min } 个
    .label = 过短
no-pattern-match = 答案不符合预期的形式
    .label = 不符合模式
not-an-email = "{ $value }" 不是电子邮件地址
    .label = 不是电子邮件地址
not-a-country = "{ $value }" 不是 ISO 3166-1 alpha-3 国家代码
    .label = 不是国家代码
not-a-time = "{ $value }" 不是写作 hh:mm 的时间（09:30、17:45）
    .label = 不是时间
not-a-country-near = "{ $value }" 不是 ISO 3166-1 alpha-3 国家代码；您是指 "{ $near }" 吗？
    .label = 不是国家代码
too-many-digits = 数字 { $value } 有 { $digits } 位有效数字；canvass 只能精确判断最多 { $most } 位的数字
    .label = 无法精确判断
    .help = 将答案舍入到最多 { $most } 位有效数字
too-large-to-judge = 数字 { $value } 太大或太小，无法精确判断；canvass 保存小于 10^{ $most }、小数位最多 { $most } 位的数字
    .label = 无法精确判断
    .help = 在此范围内写出答案，不用指数
below-minimum = { $value }{ $unit } 低于最小值 { $min }{ $unit }
    .label = 超出范围
above-maximum = { $value }{ $unit } 高于最大值 { $max }{ $unit }
    .label = 超出范围
date-form = "{ $value }" 不是写作 YYYY-MM-DD 的日期
    .label = 不是日期
date-no-month = "{ $value }" 不是真实的日期：没有第 { $month } 月
    .label = 不是日期
date-no-day = "{ $value }" 不是真实的日期：该月有 { $days } 天
    .label = 不是日期
date-too-early = { $value } 早于允许的最早日期 { $min }
    .label = 超出范围
date-too-late = { $value } 晚于允许的最晚日期 { $max }
    .label = 超出范围

## 表格

rows-over-limit = { $count } 行，超过 canvass 的上限 { $limit }
    .help = 如果此答复属实，请用 --max-rows 提高上限
row-not-a-table = { $row } 必须是由列组成的表，而不是{ $value }
    .label = 不是行
unknown-column = { $row } 有表中没有的列 `{ $key }`
    .label = 未知列
help-columns-near = 您是指 `{ $near }` 吗？各列为 { $ids }
help-columns-are = 各列为 { $ids }
missing-cell = { $row } 没有 `{ $column }`，而每一行都需要它
    .label = 本行缺少 `{ $column }`
missing-cell-because = { $row } 没有 `{ $column }`，由于该行中 `{ $condition }` 成立，它为必填
    .label = 本行缺少 `{ $column }`
cell-not-applicable = { $row } 有 `{ $column }`，但在一行中它仅在 `{ $condition }` 时适用
    .label = 本行中应不作答
    .help = 删除此单元格，或更正它所依赖的答案
computed-answered = `{ $id }` 由问卷计算，因此不作答
    .label = 计算所得，不作答
    .help = 删除此答案：canvass 将 `{ $id }` 计算为 `{ $compute }`
duplicate-row = 第 { $first } 行和{ $row }的 { $key } 相同，都是 { $value }
    .label = 与前面一行相同
    .help = 每一行都需要自己的 { $key }：合并这两行或更正其中一行
duplicate-row-first = 第 { $first } 行最先出现

row-missing = 缺少{ $row }：本表预先给出各行（{ $rows }）
    .help = 添加一行，其 `{ $column }` 为 { $key }
row-not-given = { $value } 不是本表预先给出的行（{ $rows }）
    .help = 更正键，或删除该行
row-number = 第 { $number } 行
row-key = { $key } 的行

## 规则

rule-failed = { $message }（{ $values }）
    .help = 规则 `{ $rule }` 要求 { $check }
rule-failed-in-row = { $row }：{ $message }（{ $values }）
    .help = 规则 `{ $rule }` 要求每一行中 { $check }
rule-failed-nowhere = { $message }
    .help = 规则 `{ $rule }` 要求 { $check }
rule-not-checked = 未检查：{ $message }（{ $values }）
    .help = 只要规则 `{ $rule }`（{ $check }）读取的某个答案是代码，就无法判断该规则：请给出数字，或保留代码并告知秘书处原因
rule-not-checked-in-row = { $row }，未检查：{ $message }（{ $values }）
    .help = 只要规则 `{ $rule }`（{ $check }）在本行读取的某个答案是代码，就无法在本行判断该规则：请给出数字，或保留代码并告知秘书处原因

## 答案是什么，问题期望什么

value-nothing = 空
value-number = 数字 { $number }
value-text = 文字 "{ $text }"
value-list = 列表
value-table = 表
value-rows = { $count } 行
expect-yes-no = 应为 true 或 false
expect-choice = 应为 { $options } 之一
expect-multi = 应为取自 { $options } 的选项列表
expect-multi-between = 应为取自 { $options } 的选项列表，{ $min } 至 { $max } 个
expect-multi-at-least = 应为取自 { $options } 的选项列表，至少 { $min } 个
expect-multi-at-most = 应为取自 { $options } 的选项列表，最多 { $max } 个
expect-text = 应为文字{ $length }{ $pattern }
expect-email = 应为电子邮件地址{ $length }{ $pattern }
length-between = ，长 { $min } 至 { $max } 个字符
length-at-least = ，至少 { $min } 个字符
length-at-most = ，最多 { $max } 个字符
pattern = ，符合模式 { $pattern }
pattern-in-words = ：{ $pattern }
expect-integer = 应为整数{ $range }
expect-number = 应为数字{ $range }
expect-year = 应为年份{ $range }
expect-date = 应为写作 YYYY-MM-DD 的日期{ $range }
expect-time = 应为写作 hh:mm 的时间，24 小时制（09:30、17:45）
expect-country = 应为 ISO 3166-1 alpha-3 国家代码，例如 "AUT" 或 "FRA"
expect-table = 应为行列表，每行有 { $columns }
expect-table-key = 应为行列表，每行有 { $columns }；任何两行的 { $key } 不得相同
column-required = { $id }（{ $type }，必填）
column-optional = { $id }（{ $type }）
range-between = ，从 { $min } 到 { $max }{ $unit }
range-at-least = ，至少 { $min }{ $unit }
range-at-most = ，最多 { $max }{ $unit }
range-unit = ，单位{ $unit }
expect-or-codes = { $expected }；或代码 { $codes }
code-label = "{ $code }"（{ $label }）
code-label-number = "{ $code }" 或 { $number }（{ $label }）

## 读取答复

json-syntax = 无效的 JSON：{ $detail }
    .label = 此处
toml-syntax = 无效的 TOML：{ $detail }
    .label = 此处
not-utf8 = 文件不是有效的 UTF-8：偏移量 { $offset } 处的字节 { $byte } 不属于任何 UTF-8 字符
    .label = 不是 UTF-8
    .help = 请将答复保存为 UTF-8（UTF-16 或 Latin-1 文件必须转换）
duplicate-key = `{ $key }` 出现了两次；canvass 按惯常的 JSON 读取方式判断后一个答案
    .label = 在此再次给出：判断的是这个答案
    .help = 保留两个答案中的一个，删除另一个
duplicate-key-first = 首次在此给出：这个答案被忽略
too-large = 答复大小为 { $size }，超过 { $limit } 字节的上限
    .help = 如果此答复属实，请用 --max-reply-bytes 提高上限
size-bytes = { $bytes } 字节
size-over = 超过 { $limit } 字节
too-deep = 答复的嵌套超过 { $max } 层
    .label = 此处嵌套过深
    .help = 没有问卷会把答案嵌套得这么深；如果此答复属实，请用 --max-depth 提高上限
number-too-large = 此值太大，canvass 无法将其作为数字保存
    .label = 此处
    .help = 请在范围内以整数或小数写出该数字
number-not-finite = 此值不是有限的数字（nan 和 inf 不是答案）
    .label = 此处
    .help = 请在范围内以整数或小数写出该数字
questionnaire-not-found = 答复写的问卷 "{ $id }" 不在 questionnaires/ 之下
    .label = 未知问卷
    .help = 在答复开头写 `questionnaire = "<id>"`，或传入 -q QUESTIONNAIRE
questionnaire-not-an-id = 答复的 `questionnaire` 不是问卷标识
    .label = 未知问卷
    .help = 在答复开头写 `questionnaire = "<id>"`，或传入 -q QUESTIONNAIRE
questionnaire-not-named = 答复没有说明它答复的是哪份问卷
    .label = 未知问卷
    .help = 在答复开头写 `questionnaire = "<id>"`，或传入 -q QUESTIONNAIRE
skipped-not-a-file = 此文件夹条目不是普通文件（FIFO、套接字或设备）：不予读取
    .help = 把答复本身放进文件夹；如果链接是有意的，请传入 --follow-links
skipped-link-out = 此文件夹条目是指向文件夹之外的符号链接：不予读取
    .help = 把答复本身放进文件夹；如果链接是有意的，请传入 --follow-links
skipped-link-not-a-file = 此文件夹条目是指向非普通文件（FIFO、套接字或设备）的链接：不予读取
    .help = 把答复本身放进文件夹；如果链接是有意的，请传入 --follow-links
internal-error = canvass 在检查此答复时出错（是 canvass 的缺陷，而不是答复的问题）
    .help = 其他答复已检查；请将此答复报告给 canvass 的维护者
schema-refuses = 编译后的模式拒绝此答案：{ $error }
    .help = canvass 无法用自己的话解释这一点；请报告此问题
more-findings = { $message }（此答复中另有 { $more } 条审查意见，未显示）
more-findings-at-least = { $message }（此答复中另有至少 { $more } 条审查意见，未显示；canvass 已停止查找）

## 报告

report-title = canvass 报告
report-title-of = canvass 报告：{ $questionnaire }
verdict-valid = 有效
verdict-invalid = 无效
verdict-unreadable = 无法读取
counts = { $errors } 个错误，{ $warnings } 个警告
judged-by = { $id } 版本 { $version }
summary = 已检查 { $replies } 份答复：{ $valid } 份有效，{ $invalid } 份无效
summary-unreadable = ，{ $count } 份无法读取
summary-not-checked = ，{ $count } 份未检查（canvass 出错）
summary-by-questionnaire = ；按问卷：{ $list }
question-line = 问题 { $number }：{ $text }
question-line-unnumbered = 问题：{ $text }
explained-by-reply = 答复已解释：{ $note }
explained-by-reviewer = 审查员已解释：{ $note }
at-line = { " " }— 第 { $line } 行，第 { $column } 列
at-cell = { " " }— 单元格 { $cell }

## 空白答复（`canvass template`）

template-reply = 答复
template-how-to = 删除答案前的 `#` 即可作答；略去问题即跳过。
template-codes-intro = 在问题允许时，答案可以是下列代码之一：
template-only-if = 仅当
template-computed = 由问卷根据其他答案计算；不作答
template-required = 必答
template-or-code = 或代码
template-please-specify = 请具体说明
template-exclusive = 不与其他选项同选
template-specify-line = 当您选择要求具体说明的选项时
template-true-false = true 或 false
template-one-option = 选项之一
template-options-list = 选项列表
template-text = 文字
template-at-most-chars = 个字符以内
template-email = 电子邮件地址
template-whole-number = 整数
template-number = 数字
template-year = 年份
template-date = 日期 YYYY-MM-DD
template-time = 时间 hh:mm，24 小时制
template-country = ISO 3166-1 alpha-3 国家代码，例如 "AUT"
template-table = 表：每个条目一行，包含以下各列
template-at-least-rows = 行以上
template-to = 至
template-at-least = 至少
template-at-most = 最多

## 答复汇总表（`canvass tabulate`）。

tabulate-title = { $id } 版本 { $version }：计入 { $replies } 份答复
tabulate-answered = 已作答
tabulate-not-applicable = 不适用（因条件而跳过）
tabulate-unanswered = 未作答
tabulate-sum = 合计
tabulate-sum-too-long = 超过 28 位有效数字：未舍入，不显示
tabulate-min = 最小
tabulate-median = 中位数
tabulate-max = 最大
tabulate-first-date = 最早
tabulate-last-date = 最晚
tabulate-with-rows = 至少有一行的答复
tabulate-rows = 总行数
tabulate-yes = 是
tabulate-no = 否
tabulate-contents = 目录
tabulate-over-keys = 逐键
tabulate-all = 全部
tabulate-unknown-region = 不是联合国会员国
tabulate-previous-cycle = 上一周期
tabulate-this-cycle = 本周期

## HTML 页面。

html-severity = 严重程度
html-code = 代码
html-question = 问题
html-all = 全部
html-shown = 条审查意见已显示
html-replies-with = 有此意见的答复
html-index = 答复
html-file = 文件
html-respondent = 答复方
html-questionnaire = 问卷
html-status = 状态
html-errors = 错误
html-warnings = 警告
html-questions = 答复方出错之处
html-replies-by-code = 在该处有审查意见的答复，按代码
html-whole-reply = （答复整体）

## 用文字表述的条件，用于模板。

condition-question = 问题 { $number }
condition-is = { $question } 为 { $value }
condition-is-not = { $question } 不为 { $value }
condition-less = { $question } 小于 { $value }
condition-at-most = { $question } 至多为 { $value }
condition-more = { $question } 大于 { $value }
condition-at-least = { $question } 至少为 { $value }
condition-chosen = { $question } 中选择了 { $value }
condition-answered = { $question } 已作答
condition-not-answered = { $question } 未作答
condition-and = { $a }且{ $b }
condition-or = { $a }或{ $b }
condition-or-word = 或
condition-quoted = “{ $text }”

## 工作簿（`canvass template --format xlsx`）

workbook-cover = 关于本工作簿
workbook-instructions = 请逐张工作表填写黄色单元格。单元格提供列表时，请从中选择；“不知道”等代码也在同一列表中。没有答案时请将单元格留空。请勿重命名、移动或删除工作表。
workbook-return = 请将填好的本文件交回发送它的秘书处。
workbook-questionnaire = 问卷
workbook-version = 版本
workbook-language = 语言
workbook-respondent = 答复方
workbook-number = 编号
workbook-question = 问题
workbook-answer = 答案
workbook-unit = 单位
workbook-condition = 何时
workbook-explanations = 解释
workbook-explanations-intro = 如果下面的某项检查对您的答案提出疑问，而答案确实正确，请在旁边的黄色单元格中说明原因。只有此处列出的检查才会读取解释；错误必须更正。
workbook-rule = 检查
workbook-rule-checks = 检查内容
workbook-explanation = 您的解释

## 读取工作簿答复
workbook-not-readable = 该文件不是 canvass 能读取的工作簿：{ $why }
    .help = 请按电子表格程序保存的原样（.xlsx）发送工作簿，不要手动重命名或修复
workbook-too-large = 解压后，此工作簿将占用 { $size } 字节，超过 { $limit } 的上限
    .help = 如果此工作簿属实，请用 --max-reply-bytes 提高上限（工作簿解压后可能变为四倍）
workbook-macros = 工作簿含有宏；canvass 不接受含宏的工作簿
    .help = 将其另存为不含宏的 Excel 工作簿（.xlsx），然后重新发送
workbook-not-template = 该工作簿不是由 canvass 问卷生成的，因此无法判断任何单元格回答的是哪个问题
    .help = 请填写秘书处发送的工作簿（由 `canvass template --format xlsx` 生成）并发送
workbook-formula-without-value = 单元格含有一个从未计算过值的公式（{ $formula }）
    .label = 没有值
    .help = 在电子表格程序中打开并保存工作簿，使其计算出值，或在单元格中键入该值
workbook-error-value = 单元格显示错误 { $error }，而不是答案
    .label = { $error }
    .help = 更正公式，或在单元格中键入该值
workbook-sheet-gone = 工作簿中没有部分 { $section } 的单元格：其工作表已被删除
    .help = 将答案复制到所发送工作簿中该部分的工作表，然后发送
workbook-cell-gone = 工作簿中没有此答案的单元格：其所在行或名称已被删除
    .help = 将答案复制到所发送的工作簿中，然后发送

## 给答复方的信（`intake letter`）
letter-title = { $title }：请予核实
letter-greeting = 致 { $respondent }：
letter-intro = 感谢您的答复（版本 { $version }，收到日期 { $date }，文件 { $file }）。在采用之前，请查看以下各点并发送更正后的版本，或告诉我们答案为何按原样正确。
letter-intro-done = 感谢您的答复（版本 { $version }，收到日期 { $date }，文件 { $file }）。
letter-none = 您的答复没有待处理的问题：无需再做任何事。
letter-open = 需要查看的问题：{ $count } 个
letter-question = 问题 { $number }：{ $text }
letter-fixed-item = 问题 { $number }：{ $value }
letter-what = 问题所在：{ $value }
letter-expected = 如何处理：{ $value }
letter-explain = 如果答案按原样正确，请说明原因：在您的文件中 `[explanations]` 之下写 `{ $value } = "…"`（在工作簿中，写在“解释”工作表上）
letter-where = 位置：{ $value }
letter-at-line = 您文件的第 { $line } 行，第 { $column } 列
letter-at-cell = 您工作簿的单元格 { $cell }
letter-fixed = 自您上一版本以来已更正（{ $count }）
letter-fixed-since-letter = 自我们 { $date } 的信以来已更正或解释（{ $count }）
letter-closing = 谨致谢意，秘书处

## 答复方的页面（`canvass serve`）
serve-check = 检查
serve-add-row = 为每个表添加一行
serve-save-draft = 保存草稿
serve-submit = 提交
serve-no-findings = 没有需要更正之处：可以提交答复。
serve-findings = 需要查看的问题：{ $count } 个
serve-or-code = 或答案代码
serve-yes = 是
serve-no = 否
serve-receipt = 已收到：版本 { $version }（{ $stage }），{ $time }，SHA-256 { $sha256 }。
serve-download-workbook = 下载工作簿（已填入您的最新版本）
serve-download-toml = 下载 TOML 模板
serve-upload = 或发送已填写的文件（TOML、JSON 或工作簿）：
serve-other-respondent = 此文件是代 { $named } 答复的，而不是代本链接的答复方：未予保存。
