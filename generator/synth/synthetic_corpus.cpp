#include "synth/synthetic_corpus.hpp"

#include <algorithm>
#include <map>

#include "model/money.hpp"
#include "write/staged_output.hpp"

namespace gongkai {

namespace {

using ojson = nlohmann::ordered_json;

// splitmix64: a tiny, portable generator, so that a seed gives the same corpus on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi].
    std::int64_t range(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::uint64_t state_;
};

// Amounts are generated in hundredths of 万元 (the printed precision), so every sum is exact.
using Cents = std::int64_t;
std::string money(Cents c) { return format_micro(c * 10'000, 2); }
// A percentage rounded half up to two decimals, as the documents print them.
std::string pct(Cents part, Cents whole) { return whole == 0 ? "0.00" : format_micro(*percent_micro(part, whole), 2); }

// Splits `total` into `n` random positive-ish parts that add up exactly.
std::vector<Cents> split(Rng& rng, Cents total, std::size_t n) {
    std::vector<Cents> w(n), out(n);
    Cents sum = 0;
    for (auto& x : w) sum += (x = rng.range(20, 100));
    Cents used = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) used += (out[i] = total * w[i] / sum);
    out[n - 1] = total - used;
    return out;
}

// A 款 of the function classification with the 项 a department of some type prints under it.
struct Section {
    const char* code;
    const char* name;
    std::vector<std::pair<const char*, const char*>> items;  // 项 code, name
};

// Names of the function 类 the synthetic departments use (2024 classification).
const std::map<std::string, const char*>& class_names() {
    static const std::map<std::string, const char*> c = {
        {"201", "一般公共服务支出"}, {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"}, {"207", "文化旅游体育与传媒支出"},
        {"208", "社会保障和就业支出"}, {"210", "卫生健康支出"}, {"211", "节能环保支出"}, {"212", "城乡社区支出"}, {"213", "农林水支出"},
        {"214", "交通运输支出"}, {"215", "资源勘探工业信息等支出"}, {"216", "商业服务业等支出"}, {"220", "自然资源海洋气象等支出"},
        {"221", "住房保障支出"}, {"224", "灾害防治及应急管理支出"}};
    return c;
}

// The 款 of the 2024 classification used here, by key (the 款 code, with a variant after '/' where
// departments of different types print different 项 under the same 款).
const std::map<std::string, Section>& sections() {
    static const std::map<std::string, Section> s = {
        {"20103", {"20103", "政府办公厅（室）及相关机构事务", {{"2010301", "行政运行"}, {"2010302", "一般行政管理事务"}, {"2010350", "事业运行"}}}},
        {"20103/petition", {"20103", "政府办公厅（室）及相关机构事务", {{"2010301", "行政运行"}, {"2010308", "信访事务"}}}},
        {"20103/services", {"20103", "政府办公厅（室）及相关机构事务", {{"2010301", "行政运行"}, {"2010306", "政务公开审批"}, {"2010350", "事业运行"}}}},
        {"20104", {"20104", "发展与改革事务", {{"2010401", "行政运行"}, {"2010408", "物价管理"}, {"2010450", "事业运行"}}}},
        {"20105", {"20105", "统计信息事务", {{"2010501", "行政运行"}, {"2010505", "专项统计业务"}, {"2010507", "专项普查活动"}}}},
        {"20106", {"20106", "财政事务", {{"2010601", "行政运行"}, {"2010602", "一般行政管理事务"}, {"2010607", "信息化建设"}, {"2010608", "财政委托业务支出"}}}},
        {"20108", {"20108", "审计事务", {{"2010801", "行政运行"}, {"2010804", "审计业务"}}}},
        {"20113", {"20113", "商贸事务", {{"2011301", "行政运行"}, {"2011308", "招商引资"}}}},
        {"20126", {"20126", "档案事务", {{"2012601", "行政运行"}, {"2012604", "档案馆"}}}},
        {"20129", {"20129", "群众团体事务", {{"2012901", "行政运行"}, {"2012902", "一般行政管理事务"}, {"2012950", "事业运行"}}}},
        {"20136", {"20136", "其他共产党事务支出", {{"2013601", "行政运行"}, {"2013650", "事业运行"}}}},
        {"20138", {"20138", "市场监督管理事务", {{"2013801", "行政运行"}, {"2013804", "市场主体管理"}, {"2013805", "市场秩序执法"}, {"2013816", "食品安全监管"}}}},
        {"20402", {"20402", "公安", {{"2040201", "行政运行"}, {"2040219", "信息化建设"}, {"2040220", "执法办案"}, {"2040221", "特别业务"}}}},
        {"20406", {"20406", "司法", {{"2040601", "行政运行"}, {"2040604", "基层司法业务"}, {"2040605", "普法宣传"}, {"2040610", "社区矫正"}}}},
        {"20501", {"20501", "教育管理事务", {{"2050101", "行政运行"}, {"2050199", "其他教育管理事务支出"}}}},
        {"20502", {"20502", "普通教育", {{"2050201", "学前教育"}, {"2050202", "小学教育"}, {"2050203", "初中教育"}, {"2050204", "高中教育"}}}},
        {"20508", {"20508", "进修及培训", {{"2050802", "干部教育"}, {"2050803", "培训支出"}}}},
        {"20601", {"20601", "科学技术管理事务", {{"2060101", "行政运行"}, {"2060102", "一般行政管理事务"}}}},
        {"20604", {"20604", "技术研究与开发", {{"2060499", "其他技术研究与开发支出"}}}},
        {"20607", {"20607", "科学技术普及", {{"2060701", "机构运行"}, {"2060702", "科普活动"}}}},
        {"20701", {"20701", "文化和旅游", {{"2070101", "行政运行"}, {"2070104", "图书馆"}, {"2070109", "群众文化"}, {"2070112", "文化和旅游市场管理"}}}},
        {"20703", {"20703", "体育", {{"2070301", "行政运行"}, {"2070308", "群众体育"}}}},
        {"20708", {"20708", "广播电视", {{"2070801", "行政运行"}, {"2070808", "广播电视事务"}}}},
        {"20801", {"20801", "人力资源和社会保障管理事务", {{"2080101", "行政运行"}, {"2080109", "社会保险经办机构"}, {"2080112", "劳动人事争议调解仲裁"}}}},
        {"20802", {"20802", "民政管理事务", {{"2080201", "行政运行"}, {"2080208", "基层政权建设和社区治理"}}}},
        {"20805", {"20805", "行政事业单位养老支出", {{"2080505", "机关事业单位基本养老保险缴费支出"}, {"2080506", "机关事业单位职业年金缴费支出"}}}},
        {"20807", {"20807", "就业补助", {{"2080705", "公益性岗位补贴"}, {"2080799", "其他就业补助支出"}}}},
        {"20808", {"20808", "抚恤", {{"2080801", "死亡抚恤"}, {"2080802", "伤残抚恤"}, {"2080803", "在乡复员、退伍军人生活补助"}}}},
        {"20810", {"20810", "社会福利", {{"2081001", "儿童福利"}, {"2081002", "老年福利"}}}},
        {"20811", {"20811", "残疾人事业", {{"2081101", "行政运行"}, {"2081105", "残疾人就业"}, {"2081107", "残疾人生活和护理补贴"}}}},
        {"20819", {"20819", "最低生活保障", {{"2081901", "城市最低生活保障金支出"}, {"2081902", "农村最低生活保障金支出"}}}},
        {"20828", {"20828", "退役军人管理事务", {{"2082801", "行政运行"}, {"2082804", "拥军优属"}, {"2082850", "事业运行"}}}},
        {"21001", {"21001", "卫生健康管理事务", {{"2100101", "行政运行"}, {"2100199", "其他卫生健康管理事务支出"}}}},
        {"21002", {"21002", "公立医院", {{"2100201", "综合医院"}, {"2100202", "中医（民族）医院"}}}},
        {"21004", {"21004", "公共卫生", {{"2100401", "疾病预防控制机构"}, {"2100408", "基本公共卫生服务"}, {"2100409", "重大公共卫生服务"}}}},
        {"21007", {"21007", "计划生育事务", {{"2100717", "计划生育服务"}}}},
        {"21011", {"21011", "行政事业单位医疗", {{"2101101", "行政单位医疗"}, {"2101102", "事业单位医疗"}}}},
        {"21012", {"21012", "财政对基本医疗保险基金的补助", {{"2101202", "城乡居民基本医疗保险基金补助"}}}},
        {"21013", {"21013", "医疗救助", {{"2101301", "城乡医疗救助"}}}},
        {"21015", {"21015", "医疗保障管理事务", {{"2101501", "行政运行"}, {"2101550", "事业运行"}}}},
        {"21101", {"21101", "环境保护管理事务", {{"2110101", "行政运行"}, {"2110104", "生态环境保护宣传"}}}},
        {"21103", {"21103", "污染防治", {{"2110301", "大气"}, {"2110302", "水体"}}}},
        {"21201", {"21201", "城乡社区管理事务", {{"2120101", "行政运行"}, {"2120102", "一般行政管理事务"}, {"2120104", "城管执法"}}}},
        {"21203", {"21203", "城乡社区公共设施", {{"2120303", "小城镇基础设施建设"}, {"2120399", "其他城乡社区公共设施支出"}}}},
        {"21205", {"21205", "城乡社区环境卫生", {{"2120501", "城乡社区环境卫生"}}}},
        {"21301", {"21301", "农业农村", {{"2130101", "行政运行"}, {"2130104", "事业运行"}, {"2130106", "科技转化与推广服务"}, {"2130122", "农业生产发展"}}}},
        {"21302", {"21302", "林业和草原", {{"2130201", "行政运行"}, {"2130205", "森林资源培育"}, {"2130209", "森林生态效益补偿"}}}},
        {"21303", {"21303", "水利", {{"2130301", "行政运行"}, {"2130306", "水利工程运行与维护"}, {"2130311", "水资源节约管理与保护"}}}},
        {"21307", {"21307", "农村综合改革", {{"2130705", "对村民委员会和村党支部的补助"}}}},
        {"21401", {"21401", "公路水路运输", {{"2140101", "行政运行"}, {"2140104", "公路建设"}, {"2140106", "公路养护"}}}},
        {"21505", {"21505", "工业和信息产业监管", {{"2150501", "行政运行"}, {"2150510", "工业和信息产业支持"}}}},
        {"21508", {"21508", "支持中小企业发展和管理支出", {{"2150805", "中小企业发展专项"}}}},
        {"21602", {"21602", "商业流通事务", {{"2160201", "行政运行"}, {"2160299", "其他商业流通事务支出"}}}},
        {"22001", {"22001", "自然资源事务", {{"2200101", "行政运行"}, {"2200104", "自然资源规划及管理"}, {"2200106", "自然资源利用与保护"}, {"2200150", "事业运行"}}}},
        {"22101", {"22101", "保障性安居工程", {{"2210105", "农村危房改造"}, {"2210108", "老旧小区改造"}}}},
        {"22102", {"22102", "住房改革支出", {{"2210201", "住房公积金"}}}},
        {"22401", {"22401", "应急管理事务", {{"2240101", "行政运行"}, {"2240106", "安全监管"}, {"2240108", "应急救援"}}}},
        {"22402", {"22402", "消防救援事务", {{"2240299", "其他消防救援事务支出"}}}},
    };
    return s;
}

// What every department pays for its staff besides wages: pensions (208), medical insurance (210) and the
// housing provident fund (221), always basic spending.
const std::vector<const char*>& personnel_sections() {
    static const std::vector<const char*> p = {"20805", "21011", "22102"};
    return p;
}

// A kind of department with a realistic name, the 款 its own work is paid from (with weights), its size
// and its project share; `type_id` and `type_name` are the department type of data/department-types.json.
struct Profile {
    const char* slug;
    const char* name;
    const char* type_id;
    const char* type_name;
    std::vector<std::pair<const char*, int>> own;  // section key, weight
    std::int64_t min_wan, max_wan;                 // size of 支出合计, 万元
    int project_lo, project_hi;                    // % of own non-running items paid as project spending
};

const std::vector<Profile>& profiles() {
    static const std::vector<Profile> p = {
        {"government-office", "人民政府办公室", "government-office", "人民政府办公室", {{"20103", 100}}, 1200, 4000, 30, 60},
        {"finance-bureau", "财政局", "finance", "财政", {{"20106", 100}}, 1500, 6000, 30, 60},
        {"education-bureau", "教育局", "education", "教育", {{"20501", 4}, {"20502", 96}}, 20000, 90000, 15, 35},
        {"health-commission", "卫生健康局", "health", "卫生健康", {{"21001", 8}, {"21002", 40}, {"21004", 40}, {"21007", 12}}, 8000, 40000, 40, 70},
        {"civil-affairs-bureau", "民政局", "civil-affairs", "民政", {{"20802", 15}, {"20810", 40}, {"20819", 45}}, 3000, 15000, 60, 85},
        {"transport-bureau", "交通运输局", "transport", "交通运输", {{"21401", 100}}, 3000, 20000, 60, 85},
        {"agriculture-bureau", "农业农村局", "agriculture-rural", "农业农村", {{"21301", 75}, {"21307", 25}}, 5000, 30000, 60, 85},
        {"natural-resources-bureau", "自然资源局", "natural-resources", "规划和自然资源", {{"22001", 100}}, 1500, 8000, 40, 70},
        {"housing-bureau", "住房和城乡建设局", "housing-construction", "住房和城乡建设", {{"21201", 15}, {"21203", 55}, {"22101", 30}}, 3000, 25000, 60, 85},
        {"human-resources-bureau", "人力资源和社会保障局", "human-resources-social-security", "人力资源和社会保障", {{"20801", 35}, {"20807", 65}}, 2000, 10000, 50, 75},
        {"public-security-bureau", "公安局", "public-security", "公安", {{"20402", 100}}, 8000, 35000, 20, 40},
        {"justice-bureau", "司法局", "justice", "司法行政", {{"20406", 100}}, 800, 3000, 20, 40},
        {"audit-bureau", "审计局", "audit", "审计", {{"20108", 100}}, 500, 2000, 10, 30},
        {"statistics-bureau", "统计局", "statistics", "统计", {{"20105", 100}}, 300, 1200, 15, 40},
        {"market-regulation-bureau", "市场监督管理局", "market-regulation", "市场监督管理", {{"20138", 100}}, 2000, 8000, 15, 35},
        {"ecology-bureau", "生态环境分局", "ecology-environment", "生态环境", {{"21101", 30}, {"21103", 70}}, 1000, 6000, 50, 80},
        {"water-bureau", "水利局", "water", "水利", {{"21303", 100}}, 3000, 20000, 60, 85},
        {"culture-tourism-bureau", "文化旅游广电体育局", "culture-tourism-sports", "文化旅游体育", {{"20701", 60}, {"20703", 20}, {"20708", 20}}, 1500, 8000, 40, 65},
        {"emergency-bureau", "应急管理局", "emergency-management", "应急管理", {{"22401", 70}, {"22402", 30}}, 800, 4000, 30, 60},
        {"development-reform-bureau", "发展和改革局", "development-reform", "发展和改革", {{"20104", 100}}, 800, 3000, 20, 45},
        {"industry-bureau", "工业和信息化局", "industry-it", "工业和信息化", {{"21505", 50}, {"21508", 50}}, 800, 5000, 50, 75},
        {"commerce-bureau", "商务局", "commerce", "商务", {{"20113", 50}, {"21602", 50}}, 600, 4000, 40, 70},
        {"veterans-bureau", "退役军人事务局", "veterans-affairs", "退役军人事务", {{"20828", 40}, {"20808", 60}}, 1500, 6000, 50, 75},
        {"forestry-bureau", "林业局", "forestry", "林业", {{"21302", 100}}, 1000, 6000, 50, 75},
        {"urban-management-bureau", "城市管理局", "urban-management", "城市管理", {{"21201", 40}, {"21205", 60}}, 3000, 15000, 40, 70},
        {"science-technology-bureau", "科学技术局", "science-technology", "科学技术", {{"20601", 40}, {"20604", 60}}, 500, 3000, 50, 80},
        {"archives-bureau", "档案馆", "archives", "档案", {{"20126", 100}}, 200, 900, 10, 30},
        {"party-school", "党校", "party-school", "党校", {{"20508", 100}}, 500, 2000, 15, 35},
        {"federation-of-trade-unions", "总工会", "trade-union", "总工会", {{"20129", 100}}, 300, 1500, 20, 45},
        {"youth-league", "团委", "youth-league", "共青团", {{"20129", 100}}, 100, 500, 20, 45},
        {"womens-federation", "妇女联合会", "womens-federation", "妇联", {{"20129", 100}}, 100, 500, 20, 45},
        {"disabled-persons-federation", "残疾人联合会", "disabled-persons-federation", "残联", {{"20811", 100}}, 500, 3000, 50, 80},
        {"science-association", "科学技术协会", "science-association", "科协", {{"20607", 100}}, 150, 800, 30, 60},
        {"red-cross", "红十字会", "red-cross", "红十字会", {{"20129", 100}}, 100, 500, 20, 45},
        {"petition-bureau", "信访局", "petition", "信访", {{"20103/petition", 100}}, 300, 1500, 20, 45},
        {"medical-security-bureau", "医疗保障局", "medical-security", "医疗保障", {{"21015", 20}, {"21013", 30}, {"21012", 50}}, 3000, 20000, 60, 85},
        {"government-services-bureau", "政务服务和数据管理局", "government-services-data", "政务服务和数据管理", {{"20103/services", 100}}, 500, 3000, 30, 60},
        {"supply-marketing-cooperative", "供销合作社", "supply-marketing", "供销合作社", {{"21602", 100}}, 200, 1000, 20, 45},
        {"radio-tv-station", "融媒体中心", "media", "融媒体中心", {{"20708", 100}}, 1000, 4000, 30, 60},
        {"local-chronicles-office", "地方志编纂室", "local-chronicles", "地方志", {{"20136", 100}}, 100, 500, 10, 30},
    };
    return p;
}

// Items that keep an office running are basic spending only.
bool is_running_cost(const std::string& name) { return name == "行政运行" || name == "事业运行" || name == "机构运行"; }

struct ItemAmount {
    std::string code, name;
    std::string section_code, section_name;
    Cents basic = 0, project = 0;
};

// Everything one filing needs, drawn from the generator; amounts in cents of 万元.
struct DepartmentYear {
    std::vector<ItemAmount> items;  // 项 rows with basic and project spending
    std::vector<std::pair<std::string, std::vector<std::pair<const char*, Cents>>>> economic;  // class -> items
    Cents personnel = 0, public_funds = 0;
    Cents three_budget[4] = {0, 0, 0, 0};  // abroad, vehicle purchase, vehicle operation, reception
    Cents three_actual[4] = {0, 0, 0, 0};
    Cents gb_budget = 0;
    Cents procurement_goods = 0, procurement_works = 0, procurement_services = 0, sme = 0, small_micro = 0;
    int staff_admin = 0, staff_service = 0, staff_workers = 0, staff_actual = 0, vehicles = 0;
};

// Splits `total` over the items of the section `key`, adding them (merged by code) to `d`. Running costs and
// `all_basic` sections are basic spending; other items are paid `project_pct` % as projects.
void add_section(Rng& rng, DepartmentYear& d, const std::string& key, Cents total, int project_pct, bool all_basic) {
    const Section& sec = sections().at(key);
    auto parts = split(rng, total, sec.items.size());
    for (std::size_t i = 0; i < sec.items.size(); ++i) {
        Cents project = all_basic || is_running_cost(sec.items[i].second) ? 0 : parts[i] * project_pct / 100;
        auto it = std::find_if(d.items.begin(), d.items.end(), [&](const ItemAmount& x) { return x.code == sec.items[i].first; });
        if (it == d.items.end()) {
            d.items.push_back({sec.items[i].first, sec.items[i].second, sec.code, sec.name, 0, 0});
            it = d.items.end() - 1;
        }
        it->basic += parts[i] - project;
        it->project += project;
    }
}

DepartmentYear draw_department_year(Rng& rng, const Profile& profile, Cents size) {
    DepartmentYear d;
    // Pensions, medical insurance and the housing fund, then the department's own work by its weights.
    Cents personnel_related = size * rng.range(1200, 2200) / 10'000;
    auto personnel_parts = split(rng, personnel_related, personnel_sections().size());
    for (std::size_t k = 0; k < personnel_sections().size(); ++k) add_section(rng, d, personnel_sections()[k], personnel_parts[k], 0, true);
    Cents own = size - personnel_related;
    std::int64_t weight_sum = 0;
    std::vector<std::int64_t> weights;
    for (const auto& [key, w] : profile.own) weight_sum += weights.emplace_back(w * rng.range(85, 115));
    int project_pct = static_cast<int>(rng.range(profile.project_lo, profile.project_hi));
    Cents used = 0;
    for (std::size_t k = 0; k < profile.own.size(); ++k) {
        Cents part = k + 1 == profile.own.size() ? own - used : own * weights[k] / weight_sum;
        used += part;
        add_section(rng, d, profile.own[k].first, part, project_pct, false);
    }
    Cents basic = 0;
    for (const auto& it : d.items) basic += it.basic;
    d.public_funds = basic * rng.range(800, 1600) / 10'000;
    d.personnel = basic - d.public_funds;
    Cents wages = d.personnel * rng.range(88, 96) / 100;
    static const std::vector<std::pair<const char*, const char*>> wage_items = {{"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"},
        {"30107", "绩效工资"}, {"30108", "机关事业单位基本养老保险缴费"}, {"30109", "职业年金缴费"}, {"30110", "职工基本医疗保险缴费"}, {"30113", "住房公积金"}};
    static const std::vector<std::pair<const char*, const char*>> goods_items = {{"30201", "办公费"}, {"30207", "邮电费"}, {"30211", "差旅费"},
        {"30215", "会议费"}, {"30216", "培训费"}, {"30217", "公务接待费"}, {"30228", "工会经费"}, {"30231", "公务用车运行维护费"}, {"30299", "其他商品和服务支出"}};
    static const std::vector<std::pair<const char*, const char*>> family_items = {{"30302", "退休费"}, {"30305", "生活补助"}};
    auto fill = [&](const char* cls, const std::vector<std::pair<const char*, const char*>>& names, Cents total) {
        auto parts = split(rng, total, names.size());
        std::vector<std::pair<const char*, Cents>> v;
        for (std::size_t i = 0; i < names.size(); ++i) v.push_back({names[i].first, parts[i]});
        d.economic.push_back({cls, v});
    };
    fill("301", wage_items, wages);
    fill("302", goods_items, d.public_funds);
    fill("303", family_items, d.personnel - wages);
    // 三公: a small budget, mostly spent.
    d.three_budget[0] = rng.range(0, 3) == 0 ? rng.range(100, 800) : 0;
    d.three_budget[1] = rng.range(0, 5) == 0 ? rng.range(1000, 2500) : 0;
    d.three_budget[2] = rng.range(300, 3000);
    d.three_budget[3] = rng.range(50, 800);
    for (int i = 0; i < 4; ++i) d.three_actual[i] = d.three_budget[i] * rng.range(55, 100) / 100;
    d.gb_budget = size * rng.range(85, 110) / 100;
    d.procurement_goods = size * rng.range(1, 5) / 100;
    d.procurement_works = rng.range(0, 2) == 0 ? size * rng.range(1, 3) / 100 : 0;
    d.procurement_services = size * rng.range(2, 8) / 100;
    Cents procurement = d.procurement_goods + d.procurement_works + d.procurement_services;
    d.sme = procurement * rng.range(50, 100) / 100;
    d.small_micro = d.sme * rng.range(40, 100) / 100;
    // Staff in proportion to personnel spending (about 18–30 万元 a person); large departments have more cars.
    int staff = static_cast<int>(std::max<Cents>(6, d.personnel / 100 / rng.range(18, 30)));
    d.staff_workers = static_cast<int>(rng.range(0, std::min(12, staff / 6)));
    d.staff_admin = std::min(staff - d.staff_workers, static_cast<int>(rng.range(5, 60)));
    d.staff_service = staff - d.staff_workers - d.staff_admin;
    d.staff_actual = staff - static_cast<int>(rng.range(0, std::min(5, staff / 4)));
    d.vehicles = static_cast<int>(rng.range(0, 6) + (size > 500'000 ? rng.range(2, 12) : 0));
    return d;
}

ojson row(const std::string& id, const std::string& name, ojson values, std::optional<int> line = std::nullopt) {
    ojson r;
    bool code = !id.empty() && id[0] >= '0' && id[0] <= '9';
    r[code ? "code" : "key"] = id;
    if (line) r["line"] = *line;
    r["name"] = name;
    r["values"] = std::move(values);
    return r;
}

ojson columns(std::initializer_list<std::pair<const char*, const char*>> c) {
    ojson a = ojson::array();
    for (const auto& [id, label] : c) a.push_back({{"id", id}, {"label", label}});
    return a;
}

ojson table(const char* kind, const char* number, const char* title, ojson blocks) {
    return {{"kind", kind}, {"number", number}, {"title", title}, {"unit", "万元"}, {"blocks", std::move(blocks)}};
}

struct Totals {
    std::map<std::string, std::pair<Cents, Cents>> by_code;  // code -> basic, project (classes, sections, items)
    std::vector<std::string> order;                           // codes in printed order
    std::map<std::string, std::string> names;
    Cents basic = 0, project = 0;
};

// Classes, sections and items with their basic and project sums, printed in code order (a 类 before its
// 款, a 款 before its 项: the lexicographic order of the codes).
Totals totals_of(const DepartmentYear& d) {
    Totals t;
    for (const auto& x : d.items) {
        std::string cls = x.code.substr(0, 3);
        for (auto [code, name] : {std::pair<std::string, std::string>{cls, class_names().at(cls)}, {x.section_code, x.section_name}, {x.code, x.name}}) {
            t.names[code] = name;
            t.by_code[code].first += x.basic;
            t.by_code[code].second += x.project;
        }
        t.basic += x.basic;
        t.project += x.project;
    }
    for (const auto& [code, sums] : t.by_code) t.order.push_back(code);
    return t;
}

ojson cell(Cents c) { return c == 0 ? ojson(nullptr) : ojson(money(c)); }

ojson figure(const char* metric, std::string value, const char* unit, std::string sentence, const char* section,
             const std::string& code = {}, const char* direction = nullptr) {
    ojson f;
    f["metric"] = metric;
    if (!code.empty()) f["code"] = code;
    f["value"] = std::move(value);
    f["unit"] = unit;
    if (direction) f["direction"] = direction;
    f["section"] = section;
    f["sentence"] = std::move(sentence);
    return f;
}

ojson filing_document(const std::string& county_name, const std::string& county_code, const std::string& dept_name,
                      const std::string& slug, int year, const DepartmentYear& d, Cents prior_total) {
    Totals t = totals_of(d);
    Cents total = t.basic + t.project;
    ojson doc;
    doc["format"] = "gongkai-filing/1";
    doc["synthetic"] = true;
    doc["county"] = {{"name", county_name}, {"code", county_code}, {"province", "示例省"}};
    doc["department"] = {{"name", dept_name}, {"slug", slug}};
    doc["year"] = year;
    doc["kind"] = "决算";
    doc["unit"] = "万元";
    doc["source"] = {{"title", "示例数据：" + dept_name + std::to_string(year) + "年度部门决算"}, {"publisher", "gongkai synth（合成数据，非真实公开）"},
                     {"url", nullptr}, {"file", nullptr}};
    doc["overview"] = {{"duties", {"（示例数据）负责本部门职责范围内的各项工作。"}},
                       {"staffing", {{"authorized_total", d.staff_admin + d.staff_service + d.staff_workers},
                                     {"authorized", {{{"type", "行政编制"}, {"count", d.staff_admin}}, {{"type", "事业编制"}, {"count", d.staff_service}},
                                                     {{"type", "工勤编制"}, {"count", d.staff_workers}}}},
                                     {"actual", d.staff_actual}}},
                       {"vehicles", {{"authorized", d.vehicles}, {"actual", d.vehicles}}}};
    ojson tables = ojson::array();
    // 01
    ojson inc = ojson::array(), exp = ojson::array();
    inc.push_back(row("general_budget", "一、一般公共预算财政拨款收入", {{"amount", money(total)}}));
    inc.push_back(row("total_income", "本年收入合计", {{"amount", money(total)}}));
    inc.push_back(row("grand_total", "总计", {{"amount", money(total)}}));
    for (const auto& code : t.order)
        if (code.size() == 3) exp.push_back(row(code, t.names[code], {{"amount", money(t.by_code[code].first + t.by_code[code].second)}}));
    exp.push_back(row("total_expenditure", "本年支出合计", {{"amount", money(total)}}));
    exp.push_back(row("grand_total", "总计", {{"amount", money(total)}}));
    tables.push_back(table("income_expenditure_summary", "公开01表", "收入支出决算总表",
                           {{{"id", "income"}, {"columns", columns({{"amount", "决算数"}})}, {"rows", inc}},
                            {{"id", "expenditure"}, {"columns", columns({{"amount", "决算数"}})}, {"rows", exp}}}));
    // 02, 03, 05
    auto coded = [&](const std::function<ojson(Cents basic, Cents project)>& values) {
        ojson rows = ojson::array();
        rows.push_back(row("total", "合计", values(t.basic, t.project)));
        for (const auto& code : t.order) rows.push_back(row(code, t.names[code], values(t.by_code[code].first, t.by_code[code].second)));
        return rows;
    };
    tables.push_back(table("income", "公开02表", "收入决算表",
                           {{{"id", "main"}, {"columns", columns({{"total", "本年收入合计"}, {"fiscal", "财政拨款收入"}})},
                             {"rows", coded([](Cents b, Cents p) { return ojson{{"total", money(b + p)}, {"fiscal", money(b + p)}}; })}}}));
    auto spending = [](Cents b, Cents p) { return ojson{{"total", money(b + p)}, {"basic", cell(b)}, {"project", cell(p)}}; };
    tables.push_back(table("expenditure", "公开03表", "支出决算表",
                           {{{"id", "main"}, {"columns", columns({{"total", "本年支出合计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                             {"rows", coded(spending)}}}));
    // 04
    ojson finc = ojson::array(), fexp = ojson::array();
    finc.push_back(row("general_budget", "一、一般公共预算财政拨款", {{"amount", money(total)}}));
    finc.push_back(row("total_income", "本年收入合计", {{"amount", money(total)}}));
    finc.push_back(row("grand_total", "总计", {{"amount", money(total)}}));
    for (const auto& code : t.order)
        if (code.size() == 3) {
            Cents v = t.by_code[code].first + t.by_code[code].second;
            fexp.push_back(row(code, t.names[code], {{"total", money(v)}, {"general_budget", money(v)}}));
        }
    fexp.push_back(row("total_expenditure", "本年支出合计", {{"total", money(total)}, {"general_budget", money(total)}}));
    fexp.push_back(row("grand_total", "总计", {{"total", money(total)}, {"general_budget", money(total)}}));
    tables.push_back(table("fiscal_summary", "公开04表", "财政拨款收入支出决算总表",
                           {{{"id", "income"}, {"columns", columns({{"amount", "金额"}})}, {"rows", finc}},
                            {{"id", "expenditure"}, {"columns", columns({{"total", "合计"}, {"general_budget", "一般公共预算财政拨款"}})}, {"rows", fexp}}}));
    tables.push_back(table("general_budget_expenditure", "公开05表", "一般公共预算财政拨款支出决算表",
                           {{{"id", "main"}, {"columns", columns({{"total", "小计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                             {"rows", coded(spending)}}}));
    // 06
    ojson erows = ojson::array();
    static const std::map<std::string, const char*> class_names = {{"301", "工资福利支出"}, {"302", "商品和服务支出"}, {"303", "对个人和家庭的补助"}};
    static const std::map<std::string, const char*> item_names = {
        {"30101", "基本工资"}, {"30102", "津贴补贴"}, {"30103", "奖金"}, {"30107", "绩效工资"}, {"30108", "机关事业单位基本养老保险缴费"},
        {"30109", "职业年金缴费"}, {"30110", "职工基本医疗保险缴费"}, {"30113", "住房公积金"}, {"30201", "办公费"}, {"30207", "邮电费"},
        {"30211", "差旅费"}, {"30215", "会议费"}, {"30216", "培训费"}, {"30217", "公务接待费"}, {"30228", "工会经费"},
        {"30231", "公务用车运行维护费"}, {"30299", "其他商品和服务支出"}, {"30302", "退休费"}, {"30305", "生活补助"}};
    for (const auto& [cls, items] : d.economic) {
        Cents sum = 0;
        for (const auto& [code, v] : items) sum += v;
        erows.push_back(row(cls, class_names.at(cls), {{"amount", money(sum)}}));
        for (const auto& [code, v] : items) erows.push_back(row(code, item_names.at(code), {{"amount", cell(v)}}));
    }
    erows.push_back(row("personnel_total", "人员经费合计", {{"amount", money(d.personnel)}}));
    erows.push_back(row("public_total", "公用经费合计", {{"amount", money(d.public_funds)}}));
    tables.push_back(table("basic_expenditure", "公开06表", "一般公共预算财政拨款基本支出决算明细表",
                           {{{"id", "main"}, {"columns", columns({{"amount", "决算数"}})}, {"rows", erows}}}));
    // 07, 08: empty, with their explanation.
    for (auto [kind, number, title, what] : {std::tuple{"government_fund", "公开07表", "政府性基金预算财政拨款收入支出决算表", "政府性基金"},
                                             std::tuple{"state_capital", "公开08表", "国有资本经营预算财政拨款支出决算表", "国有资本经营预算"}}) {
        ojson tb = table(kind, number, title,
                         {{{"id", "main"}, {"columns", columns({{"total", "小计"}, {"basic", "基本支出"}, {"project", "项目支出"}})},
                           {"rows", {row("total", "合计", {{"total", nullptr}, {"basic", nullptr}, {"project", nullptr}})}}}});
        tb["empty_explanation"] = std::string("本单位没有") + what + "收支，故本表无数据。";
        tables.push_back(tb);
    }
    // 09 三公
    Cents vb = d.three_budget[1] + d.three_budget[2], va = d.three_actual[1] + d.three_actual[2];
    Cents tb = d.three_budget[0] + vb + d.three_budget[3], ta = d.three_actual[0] + va + d.three_actual[3];
    auto pair = [](Cents b, Cents a) { return ojson{{"budget", money(b)}, {"actual", money(a)}}; };
    tables.push_back(table("three_public", "公开09表", "财政拨款“三公”经费支出决算表",
                           {{{"id", "main"}, {"columns", columns({{"budget", "预算数"}, {"actual", "决算数"}})},
                             {"rows", {row("total", "合计", pair(tb, ta)), row("abroad", "因公出国（境）费", pair(d.three_budget[0], d.three_actual[0])),
                                       row("vehicle_subtotal", "小计", pair(vb, va)), row("vehicle_purchase", "公务用车购置费", pair(d.three_budget[1], d.three_actual[1])),
                                       row("vehicle_operation", "公务用车运行维护费", pair(d.three_budget[2], d.three_actual[2])),
                                       row("reception", "公务接待费", pair(d.three_budget[3], d.three_actual[3]))}}}}));
    doc["tables"] = tables;

    // Narrative figures, each with a sentence in the documents' style.
    ojson figs = ojson::array();
    Cents change = total - prior_total;
    const char* dir = change >= 0 ? "增加" : "减少";
    Cents mag = change < 0 ? -change : change;
    std::string s1 = std::to_string(year) + "年度收、支总计" + money(total) + "万元。与上年相比，" + dir + money(mag) + "万元，" + dir + pct(mag, prior_total) + "%。";
    figs.push_back(figure("total.amount", money(total), "万元", s1, "一"));
    figs.push_back(figure("total.yoy_change", money(mag), "万元", s1, "一", {}, dir));
    figs.push_back(figure("total.yoy_pct", pct(mag, prior_total), "%", s1, "一", {}, dir));
    std::string s3 = std::to_string(year) + "年度支出合计" + money(total) + "万元，其中：基本支出" + money(t.basic) + "万元，占" + pct(t.basic, total) +
                     "%；项目支出" + money(t.project) + "万元，占" + pct(t.project, total) + "%。";
    figs.push_back(figure("expenditure.total", money(total), "万元", s3, "三"));
    figs.push_back(figure("expenditure.basic.amount", money(t.basic), "万元", s3, "三"));
    figs.push_back(figure("expenditure.basic.share", pct(t.basic, total), "%", s3, "三"));
    figs.push_back(figure("expenditure.project.amount", money(t.project), "万元", s3, "三"));
    figs.push_back(figure("expenditure.project.share", pct(t.project, total), "%", s3, "三"));
    std::string s5 = std::to_string(year) + "年度一般公共预算财政拨款支出" + money(total) + "万元，年初预算为" + money(d.gb_budget) + "万元，完成年初预算的" +
                     pct(total, d.gb_budget) + "%。";
    figs.push_back(figure("gb.total", money(total), "万元", s5, "五（一）"));
    figs.push_back(figure("gb.budget", money(d.gb_budget), "万元", s5, "五（三）"));
    figs.push_back(figure("gb.completion", pct(total, d.gb_budget), "%", s5, "五（三）"));
    for (const auto& code : t.order) {
        if (code.size() != 3) continue;
        Cents v = t.by_code[code].first + t.by_code[code].second;
        std::string s = t.names[code] + "（类）支出" + money(v) + "万元，占" + pct(v, total) + "%。";
        figs.push_back(figure("gb.class.amount", money(v), "万元", s, "五（二）", code));
        figs.push_back(figure("gb.class.share", pct(v, total), "%", s, "五（二）", code));
    }
    std::string s6 = "基本支出" + money(t.basic) + "万元，其中：人员经费" + money(d.personnel) + "万元，占基本支出的" + pct(d.personnel, t.basic) + "%；公用经费" +
                     money(d.public_funds) + "万元，占基本支出的" + pct(d.public_funds, t.basic) + "%。";
    figs.push_back(figure("basic.total", money(t.basic), "万元", s6, "六"));
    figs.push_back(figure("basic.personnel.amount", money(d.personnel), "万元", s6, "六"));
    figs.push_back(figure("basic.personnel.share", pct(d.personnel, t.basic), "%", s6, "六"));
    figs.push_back(figure("basic.public.amount", money(d.public_funds), "万元", s6, "六"));
    figs.push_back(figure("basic.public.share", pct(d.public_funds, t.basic), "%", s6, "六"));
    std::string s7 = "“三公”经费财政拨款支出预算为" + money(tb) + "万元，支出决算为" + money(ta) + "万元，完成预算的" + pct(ta, tb) + "%。";
    figs.push_back(figure("three_public.total.budget", money(tb), "万元", s7, "七（一）"));
    figs.push_back(figure("three_public.total.actual", money(ta), "万元", s7, "七（一）"));
    figs.push_back(figure("three_public.total.completion", pct(ta, tb), "%", s7, "七（一）", {}, ta < tb ? "小于" : nullptr));
    std::string s9 = "本部门" + std::to_string(year) + "年度机关运行经费支出" + money(d.public_funds) + "万元。";
    figs.push_back(figure("operating_cost.amount", money(d.public_funds), "万元", s9, "九"));
    Cents proc = d.procurement_goods + d.procurement_works + d.procurement_services;
    std::string s11 = "政府采购支出总额" + money(proc) + "万元，其中：政府采购货物支出" + money(d.procurement_goods) + "万元、政府采购工程支出" +
                      money(d.procurement_works) + "万元、政府采购服务支出" + money(d.procurement_services) + "万元。授予中小企业合同金额" + money(d.sme) +
                      "万元，占政府采购支出总额的" + pct(d.sme, proc) + "%，其中：授予小微企业合同金额" + money(d.small_micro) + "万元，占授予中小企业合同金额的" +
                      pct(d.small_micro, d.sme) + "%。";
    figs.push_back(figure("procurement.total", money(proc), "万元", s11, "十一"));
    figs.push_back(figure("procurement.goods", money(d.procurement_goods), "万元", s11, "十一"));
    figs.push_back(figure("procurement.works", money(d.procurement_works), "万元", s11, "十一"));
    figs.push_back(figure("procurement.services", money(d.procurement_services), "万元", s11, "十一"));
    figs.push_back(figure("procurement.sme.amount", money(d.sme), "万元", s11, "十一"));
    figs.push_back(figure("procurement.sme.share", pct(d.sme, proc), "%", s11, "十一"));
    figs.push_back(figure("procurement.small_micro.amount", money(d.small_micro), "万元", s11, "十一"));
    figs.push_back(figure("procurement.small_micro.share", pct(d.small_micro, d.sme), "%", s11, "十一"));
    std::string s12 = "截至" + std::to_string(year) + "年12月31日，共有车辆" + std::to_string(d.vehicles) + "辆，其中：机要通信用车" + std::to_string(d.vehicles) + "辆。";
    figs.push_back(figure("assets.vehicles.total", std::to_string(d.vehicles), "辆", s12, "十二"));
    figs.push_back(figure("assets.vehicles.confidential", std::to_string(d.vehicles), "辆", s12, "十二"));
    doc["narrative"] = {{"sections", {{{"id", "一"}, {"title", "一、收入支出决算总体情况说明"}, {"text", s1}}}}, {"figures", figs}};
    doc["glossary"] = {{{"term", "基本支出"}, {"definition", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"}}};
    return doc;
}

// Injects one inconsistency into a document and says where.
InjectedError inject(Rng& rng, ojson& doc, const std::string& file) {
    auto figure_index = [&](const char* metric) -> std::size_t {
        auto& figs = doc["narrative"]["figures"];
        for (std::size_t i = 0; i < figs.size(); ++i)
            if (figs[i]["metric"] == metric) return i;
        return 0;
    };
    auto bump = [](ojson& v, Cents by) {
        auto d = parse_decimal(v.is_null() ? std::string("0") : v.get<std::string>());
        v = format_micro(d->micro + by * 10'000, 2);
    };
    switch (rng.range(0, 4)) {
        case 0: {  // a 项 cell of table 03
            auto& rows = doc["tables"][2]["blocks"][0]["rows"];
            std::size_t r = 0;
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (rows[i].contains("code") && rows[i]["code"].get<std::string>().size() == 7) r = i;
            bump(rows[r]["values"]["total"], 123);
            return {file, "table-cell", "/tables/2/blocks/0/rows/" + std::to_string(r) + "/values/total", "支出决算表一个项的合计加 1.23"};
        }
        case 1: {
            std::size_t i = figure_index("gb.total");
            bump(doc["narrative"]["figures"][i]["value"], 1000);
            return {file, "narrative-amount", "/narrative/figures/" + std::to_string(i), "说明中的一般公共预算财政拨款支出加 10.00"};
        }
        case 2: {
            std::size_t i = figure_index("expenditure.basic.share");
            bump(doc["narrative"]["figures"][i]["value"], 300);
            return {file, "narrative-share", "/narrative/figures/" + std::to_string(i), "基本支出占比加 3 个百分点"};
        }
        case 3: {
            std::size_t i = figure_index("three_public.total.budget");
            doc["narrative"]["figures"][i]["unit"] = "元";
            return {file, "narrative-unit", "/narrative/figures/" + std::to_string(i), "“三公”经费预算的单位写作元"};
        }
        default: {
            std::size_t i = figure_index("total.yoy_pct");
            auto& f = doc["narrative"]["figures"][i];
            f["direction"] = f["direction"] == "增加" ? "减少" : "增加";
            return {file, "direction-word", "/narrative/figures/" + std::to_string(i), "增减率的方向用词与增减额相反"};
        }
    }
}

// A filing sits at <county>/<year>/<slug>.json; county.json and department-types.json are not filings.
bool is_filing_path(const std::string& path) { return std::count(path.begin(), path.end(), '/') == 2; }

// data/department-types.json for the first `count` profiles: their types, in profile order, matched by the
// department names the corpus uses (the same ids and names as the repository's mapping).
ojson department_types_document(std::size_t count) {
    ojson types = ojson::array();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < count; ++i) {
        const Profile& p = profiles()[i];
        if (auto it = index.find(p.type_id); it != index.end()) {
            types[it->second]["contains"].push_back(p.name);
            continue;
        }
        index[p.type_id] = types.size();
        types.push_back({{"id", p.type_id}, {"name", p.type_name}, {"description", std::string("示例数据中的") + p.type_name + "类部门。"},
                         {"contains", ojson::array({p.name})}});
    }
    return {{"format", "gongkai-department-types/1"}, {"about", "gongkai synth 生成的示例部门类型（与 data/department-types.json 的类型编号和名称一致）。"},
            {"types", types}};
}

}  // namespace

SyntheticCorpus synthesize(const SynthOptions& o) {
    SyntheticCorpus corpus;
    Rng rng(o.seed);
    const auto& names = profiles();
    for (int c = 0; c < o.counties; ++c) {
        char code[7];
        std::snprintf(code, sizeof code, "99%02d%02d", (c / 100) % 100, c % 100 + 1);
        std::string county_name = "示例县" + std::to_string(c + 1);
        std::string dir = std::string(code) + "-example-" + std::to_string(c + 1);
        corpus.files.push_back({dir + "/county.json", ojson{{"format", "gongkai-county/1"}, {"name", county_name}, {"code", code}, {"province", "示例省"}}});
        for (int d = 0; d < o.departments; ++d) {
            const Profile& profile = names[static_cast<std::size_t>(d) % names.size()];
            const std::string slug_base = profile.slug, name_base = profile.name;
            std::string slug = slug_base + (d >= static_cast<int>(names.size()) ? "-" + std::to_string(d / static_cast<int>(names.size()) + 1) : std::string());
            std::string dept_name = county_name + name_base + (d >= static_cast<int>(names.size()) ? std::to_string(d / static_cast<int>(names.size()) + 1) : std::string());
            Cents size = rng.range(profile.min_wan, profile.max_wan) * 100 + rng.range(0, 99);
            // Year-over-year changes in hundredths of a percent, so that they are rarely whole percentages.
            Cents prior = size * rng.range(9'000, 11'000) / 10'000;
            for (int y = 0; y < o.years; ++y) {
                int year = o.last_year - o.years + 1 + y;
                Rng dept_rng(o.seed ^ (static_cast<std::uint64_t>(c) << 40) ^ (static_cast<std::uint64_t>(d) << 20) ^ static_cast<std::uint64_t>(year));
                DepartmentYear dy = draw_department_year(dept_rng, profile, size);
                Totals t = totals_of(dy);
                corpus.files.push_back({dir + "/" + std::to_string(year) + "/" + slug + ".json",
                                        filing_document(county_name, code, dept_name, slug, year, dy, prior)});
                prior = t.basic + t.project;
                size = size * dept_rng.range(9'200, 11'200) / 10'000;
            }
        }
    }
    // The department types of the departments generated, so that the corpus builds its type pages.
    corpus.files.push_back({"department-types.json", department_types_document(std::min<std::size_t>(static_cast<std::size_t>(std::max(o.departments, 0)), names.size()))});
    // Errors go into distinct filings, chosen by the seed.
    std::vector<std::size_t> filings;
    for (std::size_t i = 0; i < corpus.files.size(); ++i)
        if (is_filing_path(corpus.files[i].first)) filings.push_back(i);
    for (int k = 0; k < o.inject_errors && !filings.empty(); ++k) {
        std::size_t pick = static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(filings.size()) - 1));
        auto& [path, doc] = corpus.files[filings[pick]];
        corpus.injected.push_back(inject(rng, doc, path));
        filings.erase(filings.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    return corpus;
}

std::size_t write_synthetic_corpus(const SynthOptions& options, const std::string& out_dir) {
    SyntheticCorpus corpus = synthesize(options);
    StagedOutput out(out_dir);
    std::size_t filings = 0;
    for (const auto& [path, doc] : corpus.files) {
        out.write(path, doc.dump(2) + "\n");
        filings += is_filing_path(path);
    }
    if (!corpus.injected.empty()) {
        ojson truth = ojson::array();
        for (const auto& e : corpus.injected)
            truth.push_back({{"file", e.file}, {"kind", e.kind}, {"pointer", e.pointer}, {"description", e.description}});
        // Not a .json under a county folder, so the corpus still builds; hidden from the data scan.
        out.write(".injected-errors.json", truth.dump(2) + "\n");
    }
    out.commit();
    return filings;
}

}  // namespace gongkai
