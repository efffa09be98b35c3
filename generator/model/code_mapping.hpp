#pragma once
// Function codes that were renamed or merged between years (data/code-mapping.json), so that a
// department's lines can be followed across years. A split (one code into several) cannot be followed
// and is not expressible here: such lines stay marked as not followable.
#include <string>
#include <vector>

namespace gongkai {

struct CodeMapping {
    std::vector<std::string> from;  // the code(s) as printed in from_year
    int from_year = 0;
    std::string to;                 // the code that continues them in from_year + 1
    std::string note;               // why (e.g. the classification change that renamed it)
};

using CodeMappings = std::vector<CodeMapping>;

}  // namespace gongkai
