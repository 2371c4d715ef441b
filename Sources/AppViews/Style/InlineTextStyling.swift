import DeckKit
import TerminalUI

extension InlineText {
    /// The text as styled runs: bold stays bold, italic italic, links are
    /// underlined, code takes the theme's code style.
    func styledRuns(base: CellStyle, theme: Theme) -> [StyledRun] {
        spans.map { span in
            var style = base
            if span.style.contains(.code) { style = theme.code.adding(base.attributes) }
            if span.style.contains(.bold) { style.attributes.insert(.bold) }
            if span.style.contains(.italic) || span.style.contains(.image) { style.attributes.insert(.italic) }
            if span.style.contains(.link) { style.attributes.insert(.underline) }
            if span.style.contains(.strikethrough) { style.attributes.insert(.dim) }
            return StyledRun(span.text, style: style)
        }
    }
}
