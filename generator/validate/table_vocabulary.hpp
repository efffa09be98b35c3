#pragma once
// The fixed vocabulary of column ids and row keys per table kind and block (docs/filing-format.md).
#include <string_view>
#include <vector>

#include "model/filing.hpp"

namespace gongkai {

struct BlockVocabulary {
    std::string_view block;                  // "main", "income", "expenditure"
    std::vector<std::string_view> columns;   // allowed column ids
    std::vector<std::string_view> row_keys;  // allowed keys of rows without a code
};

// The blocks a table kind may have, with their vocabularies.
const std::vector<BlockVocabulary>& vocabulary_for(TableKind kind);

// Row keys whose amounts may be negative (balances); every other amount must be >= 0.
bool row_key_allows_negative(std::string_view key);

}  // namespace gongkai
