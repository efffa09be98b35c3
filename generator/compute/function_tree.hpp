#pragma once
// The function-class hierarchy 类 → 款 → 项 of a spending table, built from code prefixes.
#include <cstdint>
#include <string>
#include <vector>

#include "model/filing.hpp"

namespace gongkai {

struct FunctionNode {
    std::string code;
    std::string name;
    std::int64_t micro = 0;  // the printed amount of this row
    std::vector<FunctionNode> children;
};

// Builds the tree from the coded rows of `block` using `column`; rows with blank cells are left out.
// A 款 or 项 whose parent row is missing is attached at the top level rather than dropped.
std::vector<FunctionNode> build_function_tree(const Block& block, std::string_view column);

}  // namespace gongkai
