#include "audit/finding.hpp"

namespace gongkai {

std::string severity_id(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Minor: return "minor";
        default: return "info";
    }
}

std::string severity_label(Severity s) {
    switch (s) {
        case Severity::Error: return "错误";
        case Severity::Warning: return "警告";
        case Severity::Minor: return "尾差";
        default: return "提示";
    }
}

int severity_rank(Severity s) {
    switch (s) {
        case Severity::Error: return 0;
        case Severity::Warning: return 1;
        case Severity::Minor: return 2;
        default: return 3;
    }
}

int AuditReport::count(Severity s) const {
    int n = 0;
    for (const auto& f : findings) n += f.severity == s;
    return n;
}

std::string cell_key(const std::string& table, const std::string& block, const std::string& row, const std::string& column) {
    return table + "/" + block + "/" + row + "/" + column;
}

}  // namespace gongkai
