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
        {"empty-table-explained", "空表须有说明", "An empty table carries its explanation", "表内",
         "政府性基金表、国有资本经营表及其说明", "无", Severity::Warning,
         "没有数据的表格应附说明（如“本单位无政府性基金收支，故本表无数据”）；公开文件未印出的表也在此报告。"},
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
        {"n-direction", "“大于/小于”与数字一致", "Comparison words agree with the numbers", "说明与表",
         "情况说明中“决算数大于/小于预算数”等用词与对应完成率", "完成率以 100% 为界", Severity::Error,
         "说“决算数小于预算数”时完成率应低于 100%，说“大于”时应高于 100%。"},
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
    };
    return rules;
}

const RuleInfo& rule_info(const std::string& id) {
    for (const auto& r : rule_catalog())
        if (r.id == id) return r;
    throw std::out_of_range("unknown audit rule " + id);
}

}  // namespace gongkai
