#include "compute/function_tree.hpp"

namespace gongkai {

static FunctionNode* find_child(std::vector<FunctionNode>& nodes, const std::string& code) {
    for (auto& n : nodes)
        if (n.code == code) return &n;
    return nullptr;
}

std::vector<FunctionNode> build_function_tree(const Block& block, std::string_view column) {
    std::vector<FunctionNode> roots;
    for (const auto& r : block.rows) {
        if (r.code.empty()) continue;
        auto c = block.cell(r, column);
        if (!c) continue;
        FunctionNode node{r.code, r.name, c->micro, {}};
        std::vector<FunctionNode>* level = &roots;
        // Descend through the 类 (3 digits) and 款 (5 digits) ancestors that exist.
        for (std::size_t len = 3; len < r.code.size(); len += 2) {
            FunctionNode* parent = find_child(*level, r.code.substr(0, len));
            if (!parent) break;
            level = &parent->children;
        }
        level->push_back(std::move(node));
    }
    return roots;
}

}  // namespace gongkai
