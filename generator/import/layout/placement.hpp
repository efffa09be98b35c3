#pragma once
// Something the importer read but could not place: reported to the user, never filled in silently.
#include <string>

namespace gongkai::import {

struct Unplaced {
    int page = 0;         // 1-based page (text files: 1)
    int line_number = 0;  // text files: the line in the file; PDF: 0
    std::string text;     // the cell or line as printed
    std::string reason;   // why it could not be placed, in English
};

}  // namespace gongkai::import
