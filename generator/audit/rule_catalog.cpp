#include "audit/rule_catalog.hpp"

#include <stdexcept>

namespace gongkai {

namespace {

const char* const kSumTolerance =
    "每个印刷数按其小数位四舍五入，误差不超过末位的一半；合计与各项之差不超过所有非空项（含合计）末位一半之和即视为一致。";
const char* const kSameTolerance =
    "同一数字在两处以相同小数位印刷时应完全一致；小数位不同时，允许两者末位一半之和的差。";
const char* const kRatioTolerance =
    "用表中数字的取值区间（印刷数±末位一半）算出比例的可能范围，再放宽说明中百分数末位的一半；落在范围内即一致。";

}  // namespace

const std::vector<RuleInfo>& rule_catalog() {
    static const std::vector<RuleInfo> rules = {
        // Within one table.
        {"t01-income-total", "收入支出决算总表：本年收入合计等于各项收入之和", "Table 01: total income equals the sum of income sources",
         "表内", "收入支出决算总表 收入栏 一至八行、本年收入合计", kSumTolerance, Severity::Error,
         "本年收入合计应等于一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款、上级补助、事业、经营、附属单位上缴和其他收入之和。"},
        {"t01-expenditure-total", "收入支出决算总表：本年支出合计等于各功能分类之和", "Table 01: total expenditure equals the sum of function classes",
         "表内", "收入支出决算总表 支出栏 各类支出行、本年支出合计", kSumTolerance, Severity::Error,
         "本年支出合计应等于表中列出的各类（一般公共服务、社会保障和就业……）支出之和。"},
        {"t01-grand-totals", "收入支出决算总表：总计的构成与收支平衡", "Table 01: grand totals and balance",
         "表内", "收入支出决算总表 本年收入合计、使用非财政拨款结余、年初结转和结余、本年支出合计、结余分配、年末结转和结余、两个总计",
         kSumTolerance, Severity::Error,
         "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；收入总计应等于支出总计。"},
        {"t02-row-sum", "收入决算表：每行本年收入合计等于各来源之和", "Table 02: each row's total equals its sources",
         "表内", "收入决算表 每一行的七列", kSumTolerance, Severity::Error,
         "每一行的本年收入合计应等于财政拨款、上级补助、事业、经营、附属单位上缴和其他收入之和。"},
        {"t03-row-sum", "支出决算表：每行本年支出合计等于各类支出之和", "Table 03: each row's total equals its parts",
         "表内", "支出决算表 每一行的六列", kSumTolerance, Severity::Error,
         "每一行的本年支出合计应等于基本支出、项目支出、上缴上级支出、经营支出和对附属单位补助支出之和。"},
        {"t04-sums", "财政拨款收入支出决算总表：行、列与总计", "Table 04: rows, columns and grand totals",
         "表内", "财政拨款收入支出决算总表 全部单元格", kSumTolerance, Severity::Error,
         "本年收入合计 = 三类财政拨款之和；年初结转和结余 = 其三项之和；收入总计 = 本年收入合计 + 年初结转和结余；支出栏每行合计 = 三类拨款之和；本年支出合计 = 各类支出之和（每列）；支出总计 = 本年支出合计 + 年末结转和结余；收入总计 = 支出总计。"},
        {"t05-row-sum", "一般公共预算财政拨款支出决算表：每行合计等于基本支出加项目支出", "Table 05: each row's total equals basic plus project",
         "表内", "一般公共预算财政拨款支出决算表 每一行", kSumTolerance, Severity::Error,
         "每一行的合计（小计）应等于基本支出与项目支出之和。"},
        {"t07-08-rows", "政府性基金表、国有资本经营表：每行的支出与结转", "Tables 07/08: each row's spending and balances",
         "表内", "政府性基金表、国有资本经营表 每一行（含“合计”“无”行）", kSumTolerance, Severity::Error,
         "每行的本年支出小计 = 基本支出 + 项目支出；年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。"},
        {"function-hierarchy", "功能分类层级：合计 = Σ类，类 = Σ款，款 = Σ项", "Function codes: total = Σ classes, class = Σ sections, section = Σ items",
         "表内", "收入决算表、支出决算表、一般公共预算财政拨款支出决算表、政府性基金表、国有资本经营表的每一列", kSumTolerance, Severity::Error,
         "按科目编码的前缀，类（3位）应等于其下各款（5位）之和，款应等于其下各项（7位）之和，合计行应等于各类之和。"},
        {"t06-economic-hierarchy", "基本支出明细表：经济分类类 = Σ款", "Table 06: economic class equals the sum of its items",
         "表内", "一般公共预算财政拨款基本支出决算（明细）表 301、302、303、307、310、399 及其款", kSumTolerance, Severity::Error,
         "每个经济分类的类（如 301 工资福利支出）应等于其下各款（30101、30102……）之和。"},
        {"t06-personnel-public", "基本支出明细表：人员经费与公用经费合计", "Table 06: personnel and public-funds totals",
         "表内", "人员经费合计、公用经费合计与 301、302、303、307、310、399", kSumTolerance, Severity::Error,
         "人员经费合计 = 工资福利支出(301) + 对个人和家庭的补助(303)；公用经费合计 = 商品和服务支出(302) + 债务利息及费用(307) + 资本性支出(310) + 其他支出(399)。"},
        {"t09-three-public", "“三公”经费表：合计与小计", "三公 table: total and vehicle subtotal",
         "表内", "“三公”经费表 预算数与决算数两列的全部单元格", kSumTolerance, Severity::Error,
         "合计 = 因公出国（境）费 + 公务用车购置及运行维护费小计 + 公务接待费；小计 = 公务用车购置费 + 公务用车运行维护费。预算数和决算数分别核对。"},
        // Across tables.
        {"x01-02", "总表与收入决算表一致", "Table 01 agrees with table 02", "表间",
         "收入支出决算总表 收入栏；收入决算表 合计行", kSameTolerance, Severity::Error,
         "总表的本年收入合计及各项收入应与收入决算表合计行对应列一致（财政拨款收入 = 三类财政拨款之和）。"},
        {"x01-03", "总表与支出决算表一致", "Table 01 agrees with table 03", "表间",
         "收入支出决算总表 支出栏；支出决算表 合计行与各类行", kSameTolerance, Severity::Error,
         "总表的本年支出合计和各类支出应与支出决算表的合计行、各类行一致。"},
        {"x04-01", "财政拨款总表与总表一致", "Table 04 agrees with table 01", "表间",
         "财政拨款收入支出决算总表 收入栏；收入支出决算总表 收入栏", kSameTolerance, Severity::Error,
         "三类财政拨款收入在两张总表中应一致。"},
        {"x04-05", "财政拨款总表与一般公共预算支出表一致", "Table 04 agrees with table 05", "表间",
         "财政拨款收入支出决算总表 一般公共预算财政拨款列；一般公共预算财政拨款支出决算表 合计与各类", kSameTolerance, Severity::Error,
         "财政拨款总表中一般公共预算财政拨款列的本年支出合计和各类支出，应与一般公共预算财政拨款支出决算表一致。"},
        {"x05-06", "基本支出 = 人员经费 + 公用经费", "Basic spending equals personnel plus public funds", "表间",
         "一般公共预算财政拨款支出决算表 合计行基本支出；基本支出明细表 人员经费合计、公用经费合计", kSumTolerance, Severity::Error,
         "一般公共预算财政拨款的基本支出应等于基本支出明细表的人员经费合计与公用经费合计之和。"},
        // Narrative against tables.
        {"n-amount", "说明中的金额与表中一致", "Narrative amounts agree with the tables", "说明与表",
         "情况说明中的各项金额；对应表格单元格", kSameTolerance, Severity::Error,
         "情况说明中陈述的收入、支出、财政拨款、基本支出、人员经费、公用经费、“三公”经费、各项支出决算等金额，应与决算表中的对应数一致。"},
        {"n-share", "说明中的占比可由表中数字算出", "Narrative shares can be recomputed", "说明与表",
         "情况说明中的百分比；对应的部分与整体", kRatioTolerance, Severity::Error,
         "“占××%”应等于部分除以整体。部分和整体取说明中同时陈述的金额，未陈述的取自决算表；陈述的金额本身由“说明中的金额与表中一致”核对，避免同一差错重复报告。"},
        {"n-completion", "完成预算比例可由决算数与预算数算出", "Completion rates can be recomputed", "说明与表",
         "情况说明中的年初预算、决算数与完成率", kRatioTolerance, Severity::Error,
         "“完成年初预算的××%”应等于决算数除以预算数（取说明中陈述的数，未陈述的取自决算表）；预算为 0 或空白时比例无从计算，列为提示。"},
        {"n-yoy", "与上年比较的增减额、增减率和方向一致", "Year-over-year amount, rate and direction agree", "说明与表",
         "情况说明中的增减额、增减率及“增加/减少”等用词；本年数取自决算表", kRatioTolerance, Severity::Error,
         "增减率应等于增减额除以上年数（上年数 = 本年数 ∓ 增减额）；同一项目的增减额与增减率方向用词应一致（不能一个“增加”一个“减少”），解释原因时也不能说反（减少了却写“增加的主要原因是”）。"},
        {"n-part-whole", "部分不超过整体，分项之和等于总额", "Parts never exceed their whole", "说明与表",
         "政府采购总额与货物、工程、服务及中小企业、小微企业金额；车辆总数与各类车辆", kSumTolerance, Severity::Error,
         "政府采购总额 = 货物 + 工程 + 服务；授予小微企业的金额是授予中小企业金额的一部分，不应更大；各类车辆之和等于车辆总数。"},
        {"n-unit", "金额单位合理", "Units are plausible", "说明与表",
         "情况说明中以“元”标注的金额", "与表中万元数相同即判定单位错误", Severity::Error,
         "决算以万元为单位。说明中写作“元”、而数值与表中的万元数相同（或小得不可能以元计）的，判定为单位错误。"},
        {"n-counts", "人数与车辆数一致", "Staff and vehicle counts agree", "说明与表",
         "部门概况中的编制数与实有车辆数；情况说明中的车辆数", "计数须完全一致", Severity::Warning,
         "人员编制总数应等于各类编制之和；概况中的实有车辆数应与国有资产情况中的车辆总数一致。"},
        {"n-operating-cost", "机关运行经费等于公用经费", "Operating costs equal public funds", "说明与表",
         "情况说明中的机关运行经费；基本支出明细表 公用经费合计", kSameTolerance, Severity::Warning,
         "行政单位和参照公务员法管理的事业单位，机关运行经费应与财政拨款基本支出中的公用经费一致；其他单位可能不同，故列为警告。"},
        // Across years (rules_years.cpp): only when the same department's previous-year filing is loaded.
        {"y-prior", "说明中的上年数与上年公开的决算一致", "Stated prior-year figures agree with last year's filing", "跨年度",
         "情况说明中的“上年数”；同一部门上年决算的对应表格单元格（机关运行经费取上年情况说明）", kSameTolerance, Severity::Warning,
         "说明中直接写出的上年数（如“上年决算数为X万元”）应与同一部门上年公开的决算中的对应数一致：收入支出总计、本年收入合计、本年支出合计、财政拨款收入支出总计、一般公共预算财政拨款支出、基本支出、人员经费、公用经费、“三公”经费决算数、机关运行经费。上年数可能按可比口径调整（如单位合并），故列为警告；说明中交代了口径调整的，只作提示。"},
        {"y-change", "增减额与上年公开的决算相符", "Stated changes agree with last year's filing", "跨年度",
         "情况说明中的本年数与增减额（本年数未写出的取本年决算表）；同一部门上年决算的对应数",
         "本年数 ∓ 增减额 与上年数比较，允许三个印刷数末位一半之和的差", Severity::Warning,
         "说明写“与上年相比增加/减少X万元”时，本年数减去（或加上）增减额就是它所说的上年数，应与同一部门上年公开的决算一致。增减率由“与上年比较的增减额、增减率和方向一致”按增减额核对。上年数可能按可比口径调整，故列为警告；说明中交代了口径调整的，只作提示。"},
        {"y-rate", "只写增减率时，方向和比例与上年公开的决算相符", "A stated rate of change agrees with last year's filing", "跨年度",
         "情况说明中只有增减率（没有增减额）的比较；本年数；同一部门上年决算的对应数", kRatioTolerance, Severity::Warning,
         "说明只写“与上年相比增长/下降X%”时，用本年数与上年公开的数算出变化：方向（增加、减少、持平）应与说明一致，比例应等于两年之差除以上年数。上年数可能按可比口径调整，故列为警告；说明中交代了口径调整的，只作提示。"},
        {"y-function-prior", "功能科目的上年数与上年决算表一致", "A function line's prior-year figure agrees with last year's table", "跨年度",
         "情况说明中按科目写出的上年数（带科目编码）；同一部门上年一般公共预算财政拨款支出决算表的同一科目（科目改名或合并按 data/code-mapping.json 对应）",
         kSameTolerance, Severity::Warning,
         "说明中某一科目的“上年决算数为X万元”应与上年一般公共预算财政拨款支出决算表中同一科目的合计一致；科目编码改变或合并的，按 data/code-mapping.json 把上年的原科目相加后比较。上年表中没有该科目、又没有改名记载的，也列为警告。"},
        // Comparison wording (rules_comparison.cpp; replaces the former n-direction, which read only a completion rate).
        {"c-budget-actual", "“决算数大于/小于/等于预算数”与数字一致", "Words comparing spending with the budget agree with the numbers",
         "比较用词", "情况说明中“决算数大于/小于/等于/持平预算数”“决算数较年初预算增加/减少”等用词；同一条目中所述的年初预算（全年预算）、支出决算与完成率，未写出的取自决算表",
         "两数以相同小数位印刷时按印刷数比较，小数位不同时末位一半之和以内视为相等；“基本持平”允许相差一成；完成率以 100%（±末位一半）为界",
         Severity::Error,
         "说“决算数小于预算数”时决算应小于预算、完成率应低于 100%；说“大于”时相反；说“等于”“持平”“一致”时两数应相同。比较的两个数取自同一条目（同一行）所述的预算数与决算数，句中只写“预算数”时年初预算和全年预算任一相符即可；无法确定比较的是哪一项时不作判断。只有条目中所有数字都与用词相反时才报告，数字之间自相矛盾的由“完成预算比例可由决算数与预算数算出”等规则报告。"},
        {"c-prior-year", "“比上年增加/减少/持平”与本年数、上年数一致", "Words comparing with last year agree with the two years' amounts",
         "比较用词", "情况说明中“与上年相比增加/减少/持平”等用词；同一条目中所述的上年数与本年数（本年数未写出的取自决算表）；只写增减额的，其后的原因说明",
         "两数以相同小数位印刷时按印刷数比较，小数位不同时末位一半之和以内视为相等；“基本持平”允许相差一成", Severity::Error,
         "说明同时写出本年数和上年数时，“增加”“增长”要求本年数大于上年数，“减少”“下降”要求小于，“持平”要求两数相同。只写了增减额（没有增减率）的，解释原因时不能说反（减少了却写“增加的主要原因是”）；增减额与增减率并列的由“与上年比较的增减额、增减率和方向一致”核对，与上年公开决算的比较由跨年度规则核对。"},
        // Structure (rules_structure.cpp): is the publication complete — tables, parts, 情况说明 sections.
        {"s-table-absent", "九张表都已公开", "Every standard table is printed", "结构",
         "九张决算表是否印出（文件中记为“absent”的表）；情况说明中对应一节", "无", Severity::Error,
         "部门决算应公开全部九张表。收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表和基本支出决算表未印出的，列为错误；政府性基金表、国有资本经营表和“三公”经费表未印出的列为警告（按公开模板，没有数据的表也应印出并注明），情况说明中已写明本年没有此项收支的，只作提示。"},
        {"empty-table-explained", "表格不是无说明的空表", "No table is printed blank without an explanation", "结构",
         "九张决算表的全部单元格、表下的说明和注；收入支出决算总表的政府性基金、国有资本经营预算财政拨款收入", "无", Severity::Warning,
         "印出的表一个数字也没有时：收入支出决算总表、收入决算表和支出决算表不可能为空，列为错误；政府性基金表或国有资本经营表为空、而收入支出决算总表列有这类收入的，列为错误；其他空表应在表下说明为何无数据（如“本单位无政府性基金收支，故本表无数据”），没有说明的列为警告。印为 0 的数字不算空白。"},
        {"s-part-missing", "文件各部分齐全", "The document has all its parts", "结构",
         "文件各部分的标题（第一部分 部门概况、第二部分 部门决算表、第三部分 部门决算情况说明、第四部分 名词解释）", "按标题含义匹配，不看编号和措辞",
         Severity::Warning,
         "部门决算公开文件应有部门概况、部门决算表、部门决算情况说明和名词解释四个部分（附件并非各地模板都有，不作要求）。只在文件记录了各部分标题时核对。"},
        {"s-section-missing", "情况说明各节齐全", "The 情况说明 has all its sections", "结构",
         "情况说明各节的标题及节内带编号的小标题", "按标题含义（关键词）匹配，不看编号和措辞；机关运行经费、政府采购、国有资产可为单独一节或“其他重要事项”下的小节",
         Severity::Warning,
         "按部门决算公开模板，情况说明应有：收入支出决算总体情况、收入决算、支出决算、财政拨款收入支出决算总体情况、一般公共预算财政拨款支出决算、一般公共预算财政拨款基本支出决算、“三公”经费、政府性基金、国有资本经营、机关运行经费、政府采购、国有资产占有使用、预算绩效管理各节。缺少的列为警告；缺少“三公”、政府性基金或国有资本经营一节、而对应的表已印出并注明本年无数据的，只作提示。文件未录入情况说明的不作核对。"},
        // Text (rules_text*.cpp): the printed words — placeholders, template leftovers, punctuation, years, units in attachments.
        {"text-placeholder", "没有未填写的模板占位符", "No unfilled template placeholder", "文字",
         "印出的全部文字：部门名称、文件标题、各部分标题、表名、表注、栏目和行名、情况说明各节标题和正文、名词解释、部门概况、附件",
         "只认模板的填写位置：单独成词的 XX、XXX、20XX年、X月X日，××、某某，三个以上的*或_，内容为填写项的括号（【单位名称】、（制度名称）、空括号），待填写、请填写，“主要原因：”后直接句号；拉丁词、网址、型号、X光机中的X不算",
         Severity::Error,
         "公开文件里留着 XX局、××、【单位名称】、XXX万元 这样的模板占位符，说明该填的内容没有填，读者无从知道实际情况。"},
        {"text-template", "没有留下模板的备选词和填写说明", "No template choice or instruction left in print", "文字",
         "印出的全部文字（同上）", "备选词：增加（减少）、下降（增长）、大于（小于）等成对出现；填写说明：如持平作持平表述、不涉及的不列、应有此说明、仍保留该表格式等；模板的 **…** 标注",
         Severity::Warning,
         "模板中的“增加（减少）”“下降（增长）”要求按实际选定一个词，两个都留下时读者看不出到底是增是减，列为警告。给编写人员看的填写说明和 **…** 标注留在公开文本中，不影响数字，只作提示。"},
        {"text-punctuation", "标点不重复、括号引号成对", "Punctuation is not doubled; brackets and quotes pair up", "文字",
         "印出的全部文字（同上），逐段（逐行）核对", "相邻的两个标点（中间可有空格）含全角标点即算，“！？”除外；括号、引号、书名号在同一段内成对，“1）”这类序号不算括号",
         Severity::Info,
         "“。。”“，，”“、、”“，。”这样重复或连用的标点，以及只有一半的括号、引号、书名号，说明文字未经校对；不影响数字，只作提示。半角逗号夹在中文里较常见且不影响阅读，不作报告。"},
        {"text-year-heading", "标题中的年份是决算年度", "Titles and headings name the filing's year", "文字",
         "文件标题、各部分标题、表名和表号、情况说明各节标题、附件标题中的年份", "标题中出现的年份须为决算年度；与上年比较的标题可写上年；少一位的年份（202 年度）也算",
         Severity::Error,
         "2024 年度决算的标题应写 2024 年；写成别的年份，多半是套用了往年的文本，读者会把文件当成另一年的。"},
        {"text-year-date", "日期和所述年度是决算年度", "Dates and statements name the filing's year", "文字",
         "正文中的“截至X年12月31日”“截至X年末”、“本年（X年）”，以及“X年度收入支出总计/部门决算/财政拨款支出/“三公”经费/机关运行经费/政府采购……”这类陈述本年数字的句子",
         "截至日期应为决算年度的 12 月 31 日；陈述本年数字的年份应为决算年度。同一句同时写到决算年度的（两年比较），其中的上年不算；下一年度的预算、其他年份的荣誉、政策、计划，以及非年末的日期，不作核对",
         Severity::Warning,
         "决算反映决算年度的收支和年末资产；“截至2023年12月31日”出现在 2024 年度决算里，多半是套用往年文本未改，所列数字也可能是往年的，需要核实。"},
        {"text-year-comparison", "比较的上年是决算年度的前一年", "Comparisons name the year before", "文字",
         "正文中的“与X年度相比”“比X年度增加/减少”“较X年”“上年（X年度）”", "比较对象须为决算年度的前一年；句中另有以该年份之后一年为主语的比较（如“2025年比2024年”）不作核对",
         Severity::Warning,
         "决算与上年比较：2024 年度决算应写“与2023年度相比”。写成与本年或更早年份相比，比较对象就错了，需要核实数字比较的是哪一年。"},
        {"text-unit", "附件中的金额单位与表一致", "Amounts in the attachments carry the tables' unit", "文字",
         "附件（如绩效自评报告）正文中以“元”为单位的金额；九张决算表中以万元印出的全部数字",
         "与“说明中的金额单位”相同：以元印出的数与表中某个万元数在四舍五入范围内相同（且不为零）即为单位错误；整数金额只与同为整数印出的单元格比较",
         Severity::Error,
         "附件常复述决算数字。写成“1577.61 元”而表中是 1577.61 万元，金额被缩小了一万倍。与表中任何数字都对不上的元（如捐款 4070 元）是真实的元，不报告。"},
    };
    return rules;
}

const RuleInfo& rule_info(const std::string& id) {
    for (const auto& r : rule_catalog())
        if (r.id == id) return r;
    throw std::out_of_range("unknown audit rule " + id);
}

bool rule_compares_amounts(const std::string& id) {
    for (const char* family : {"text-", "s-", "c-"})
        if (id.rfind(family, 0) == 0) return false;
    return id != "n-counts" && id != "n-unit" && id != "empty-table-explained";
}

}  // namespace gongkai
