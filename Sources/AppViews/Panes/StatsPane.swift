import AppCore
import StudyCore
import TerminalUI

/// The stats screen in the right-hand pane: card states as a stacked bar, the
/// 30-day due forecast as bars, a 26-week review calendar, streaks and
/// retention, and the studied topics weakest first. Everything reads without colour:
/// bars and the calendar use glyph density, with a legend.
struct StatsPane {
    let state: AppState
    let view: StatsViewState
    let theme: Theme

    func draw(in frame: Rect, into buffer: inout ScreenBuffer) {
        ScrollingLines(title: "Stats · \(view.scopeTitle)", theme: theme)
            .draw(in: frame, into: &buffer, margin: 2) { lines(width: $0) }
    }

    /// The lines, and the index of the highlighted topic's line.
    func lines(width: Int) -> ([StyledLine], Int?) {
        guard let stats = view.statistics else { return ([[StyledRun("Reading the review log…", style: theme.breadcrumb)]], nil) }
        var lines: [StyledLine] = []
        func text(_ string: String, _ style: CellStyle) { lines += TextWrapper.wrap([StyledRun(string, style: style)], width: width) }
        /// Bars and the calendar are cut, never wrapped.
        func graphic(_ string: String, _ style: CellStyle) { lines.append([StyledRun(String(TextWidth.prefix(string, fitting: width)), style: style)]) }

        // Card states.
        text("Cards: \(stats.facts)", theme.paneTitle)
        let parts: [(String, Int, String)] = [("█", stats.mature, "mature"), ("▓", stats.young, "young"),
                                              ("▒", stats.learning, "learning"), ("░", stats.new, "new")]
        var bar = ""
        let barWidth = max(0, width)
        var used = 0
        for (index, part) in parts.enumerated() {
            let cells = index == parts.count - 1 ? barWidth - used
                : stats.facts == 0 ? 0 : Int((Double(part.1) / Double(stats.facts) * Double(barWidth)).rounded())
            let count = max(0, min(cells, barWidth - used))
            bar += String(repeating: part.0, count: count)
            used += count
        }
        graphic(bar, theme.bullet)
        text(parts.map { "\($0.0) \($0.2) \($0.1)" }.joined(separator: "  ") + (stats.suspended > 0 ? "  suspended \(stats.suspended)" : "") + (stats.buried > 0 ? "  buried \(stats.buried)" : ""),
             theme.body)
        lines.append([])

        // Due forecast.
        let total = stats.forecast.reduce(0, +)
        text("Due: overdue \(stats.overdue) · later today \(stats.forecast[0]) · tomorrow \(stats.forecast[1]) · next 30 days \(total)",
             theme.paneTitle)
        let peak = max(1, stats.forecast.max() ?? 1)
        let rows = 4
        let levels = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let columnWidth = width >= 60 ? 2 : 1
        for row in stride(from: rows - 1, through: 0, by: -1) {
            var line = ""
            for value in stats.forecast {
                let eighths = Int((Double(value) / Double(peak) * Double(rows * 8)).rounded()) - row * 8
                let glyph = levels[min(8, max(0, eighths))]
                line += String(repeating: glyph, count: columnWidth)
            }
            graphic(line, theme.bullet)
        }
        var labels = ""
        for day in stride(from: 0, to: ProgressStatistics.forecastDays, by: 7) {
            let label = day == 0 ? "today" : "+\(day)"
            labels += label + String(repeating: " ", count: max(1, 7 * columnWidth - label.count))
        }
        graphic(labels, theme.breadcrumb)
        lines.append([])

        // Review calendar: weeks as columns, Monday to Sunday as rows. The
        // calendar starts on a Monday, so every row starts in the first
        // column; only this week's days still to come are left blank.
        text("Reviews, last 26 weeks: · none  ░ 1–2  ▒ 3–5  ▓ 6–9  █ 10+", theme.paneTitle)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let startWeekday = DayBoundary.weekday(ofDay: stats.calendarStartDay) // 0 = Monday
        let columns = (startWeekday + stats.calendar.count + 6) / 7
        for weekday in 0..<7 {
            var line = weekdays[weekday] + " "
            for column in 0..<columns {
                let index = column * 7 + weekday - startWeekday
                guard index >= 0, index < stats.calendar.count else { line += " "; continue }
                let count = stats.calendar[index]
                line += count == 0 ? "·" : count <= 2 ? "░" : count <= 5 ? "▒" : count <= 9 ? "▓" : "█"
            }
            graphic(line, theme.body)
        }
        text("Streak \(days(stats.currentStreak)) (longest \(days(stats.longestStreak)))", theme.body)
        lines.append([])

        // Retention.
        text("Passed: \(percent(stats.retentionLast7)) of \(stats.reviewsLast7) (7 days) · \(percent(stats.retentionLast30)) of \(stats.reviewsLast30) (30 days) · desired \(percent(stats.desiredRetention)) · mean R now \(percent(stats.meanRetrievability))",
             theme.body)
        lines.append([])

        // The studied topics, weakest first (as `awsml-tui stats` lists them).
        let headerFigures = " \(pad("facts", 5))  \(pad("mastered", 8))  \(pad("mean R", 6))  \(pad("lapses", 6))"
        let headerName = "Topics, weakest first"
        let headerWidth = max(4, width - TextWidth.of(headerFigures) - 2)
        graphic("  " + String(TextWidth.prefix(headerName, fitting: headerWidth))
                + String(repeating: " ", count: max(0, headerWidth - TextWidth.of(headerName))) + headerFigures, theme.paneTitle)
        var selectedLine: Int?
        let weakest = stats.weakestTopics
        for (index, topic) in weakest.enumerated() {
            let selected = index == view.selectedTopic
            if selected { selectedLine = lines.count }
            let figures = " \(pad(topic.facts, 5))  \(pad(percent(topic.masteredShare), 8))  \(pad(percent(topic.meanRetrievability), 6))  \(pad(topic.lapses, 6))"
            let nameWidth = max(4, width - TextWidth.of(figures) - 2)
            var name = topic.path.last ?? ""
            if TextWidth.of(name) > nameWidth { name = String(TextWidth.prefix(name, fitting: nameWidth - 1)) + "…" }
            name += String(repeating: " ", count: max(0, nameWidth - TextWidth.of(name)))
            let style = selected ? theme.selection : theme.body
            lines.append([StyledRun((selected ? "›" : " ") + " " + name + figures, style: style)])
        }
        let notStudied = stats.topics.count - weakest.count
        if notStudied > 0 {
            text("\(notStudied) \(notStudied == 1 ? "topic" : "topics") not studied yet", theme.breadcrumb)
        }
        if !stats.leeches.isEmpty {
            lines.append([])
            text("Leeches (forgotten \(stats.leechLapses) times or more; marked L in the tree): \(stats.leeches.count)",
                 theme.paneTitle)
            for leech in stats.leeches.prefix(10) {
                let fact = AppUpdate.factText(leech.id, in: state) ?? leech.id.rawValue
                text("\(leech.lapses) lapses · \(fact) (\(leech.path.last ?? ""))", theme.body)
            }
        }
        return (lines, selectedLine)
    }

    private func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    private func days(_ count: Int) -> String { "\(count) \(count == 1 ? "day" : "days")" }

    private func pad(_ value: Any, _ width: Int) -> String {
        let text = "\(value)"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
