#pragma once
// gongkai import: a published 部门决算 (PDF with a text layer, or extracted text) in, a checked filing out.
#include <string>
#include <vector>

namespace gongkai::import {
}  // namespace gongkai::import
