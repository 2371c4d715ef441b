import AppCore
import TerminalUI

/// Marks the parts of styled text that match the search query, so matches
/// stand out in the tree and the detail (underlined and bold: visible
/// without colour).
///
///     SearchHighlighter.highlight([StyledRun("Amazon EMR")], query: "emr", style: match)
///     // [StyledRun("Amazon "), StyledRun("EMR", style: match)]
enum SearchHighlighter {
    static func highlight(_ runs: [StyledRun], query: String?, style: CellStyle) -> [StyledRun] {
        guard let query, !query.isEmpty else { return runs }
        let needle = SearchFolding.fold(query)
        var characters: [(Character, CellStyle)] = []
        for run in runs {
            for character in run.text { characters.append((character, run.style)) }
        }
        let folded = characters.map { SearchFolding.fold($0.0) }
        let starts = SearchFolding.occurrences(of: needle, in: folded)
        guard !starts.isEmpty else { return runs }
        for start in starts {
            for index in start..<(start + needle.count) {
                var matched = style
                matched.attributes.formUnion(characters[index].1.attributes.subtracting(.reverse))
                characters[index].1 = matched
            }
        }
        var result: [StyledRun] = []
        for (character, style) in characters {
            if let last = result.last, last.style == style {
                result[result.count - 1].text.append(character)
            } else {
                result.append(StyledRun(String(character), style: style))
            }
        }
        return result
    }
}
