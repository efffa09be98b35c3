#pragma once
// Checks that need the whole corpus: filings agree with their county.json, no county code is used by two
// folders, and no department appears twice in one county and year.
#include <vector>

#include "error/problem.hpp"
#include "model/filing.hpp"

namespace gongkai {

// Records every cross-file problem; the filings and counties are expected sorted by path.
void check_corpus(const std::vector<County>& counties, const std::vector<Filing>& filings, ProblemList& problems);

}  // namespace gongkai
