#include "compute/function_tree.hpp"

#include <unordered_map>

namespace gongkai {

std::vector<FunctionNode> build_function_tree(const Block& block, std::string_view column) {
    // One pass: every row gets the index of its nearest listed ancestor; then children are attached
    // bottom-up in printed order. Linear in the number of rows.
    std::vector<FunctionNode> nodes;
    std::vector<long> parent;
    std::unordered_map<std::string, std::size_t> by_code;
    for (const auto& r : block.rows) {
        if (r.code.empty()) continue;
        auto c = block.cell(r, column);
        if (!c) continue;
        long p = -1;
        for (std::size_t len = r.code.size() - 2; len >= 3 && len < r.code.size(); len -= 2) {
            auto it = by_code.find(r.code.substr(0, len));
            if (it != by_code.end()) {
                p = static_cast<long>(it->second);
                break;
            }
        }
        by_code.emplace(r.code, nodes.size());
        nodes.push_back({r.code, r.name, c->micro, {}});
        parent.push_back(p);
    }
    // Children come after their parents, so moving from the back keeps every subtree complete.
    std::vector<std::vector<FunctionNode>> children(nodes.size());
    for (std::size_t i = nodes.size(); i-- > 0;) {
        nodes[i].children.assign(std::make_move_iterator(children[i].rbegin()), std::make_move_iterator(children[i].rend()));
        if (parent[i] >= 0) children[static_cast<std::size_t>(parent[i])].push_back(std::move(nodes[i]));
    }
    std::vector<FunctionNode> roots;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (parent[i] < 0) roots.push_back(std::move(nodes[i]));
    return roots;
}

}  // namespace gongkai
