#pragma once
// The glossary page's content: every 名词解释 of the filings grouped by term (each term once, the differing
// definitions listed under it with the filings they come from), and the site's own terms in plain language.
#include <string>
#include <string_view>
#include <vector>

#include "model/filing.hpp"

namespace gongkai {

// One wording of a definition and the filings that print it (in the order the filings were given).
struct GlossaryVariant {
    std::string definition;             // as printed by the first filing that has this wording
    std::vector<const Filing*> sources;
    bool derived_term = false;          // the filing printed no term; the term was read from the definition's start
};

// A term with every wording of its definition, most widely used first.
struct GlossaryTerm {
    std::string key;   // glossary_key of the term
    std::string term;  // the printed form most filings use
    std::vector<GlossaryVariant> variants;
};

// Every definition of the filings: `terms` in order of first appearance; `untitled` holds the definitions
// printed without a term whose term cannot be read from their own start.
struct GlossaryGroups {
    std::vector<GlossaryTerm> terms;
    std::vector<GlossaryVariant> untitled;
};

// The comparison key of a term or definition: white space and quotation marks removed, full-width
// punctuation folded to ASCII, a final 。 dropped. "“三公”经费" and "三公经费" have the same key.
std::string glossary_key(std::string_view text);

// The term a definition printed without one starts with: "基本支出是指…" and "基本支出：…" give "基本支出";
// "" when it starts with no short term ("是指为保障…").
std::string term_from_definition(std::string_view definition);

// Groups the glossaries of `filings` by term key and, under each term, by definition key.
GlossaryGroups group_glossary(const std::vector<const Filing*>& filings);

// A term the site itself uses, explained in plain language. Its anchor on the glossary page is
// "term-" + id (glossary/index.html#term-personnel); `key` is the glossary_key that filings' terms merge under.
struct SiteTerm {
    std::string id;
    std::string term;
    std::string key;
    std::string explanation;
};

// The site's own terms, in the order the glossary shows them (ids are stable: pages link to them).
const std::vector<SiteTerm>& site_terms();

}  // namespace gongkai
