#pragma once
// Escaping for everything user-facing that is not escaped by the template engine itself.
#include <string>

#include <nlohmann/json.hpp>

namespace gongkai {

// HTML-escapes text for element content and quoted attributes (& < > " ').
std::string html_escape(const std::string& s);

// Serialises JSON for embedding inside <script type="application/json">: '<', '>', '&', U+2028 and
// U+2029 become \u escapes, so that no string can close the script element or start a comment.
std::string json_for_script(const nlohmann::json& j);

// Escapes text for XML character data (sitemap.xml).
std::string xml_escape(const std::string& s);

}  // namespace gongkai
