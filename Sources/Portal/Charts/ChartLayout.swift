import Foundation

/// The geometry of a chart, worked out before any SVG is written: scales, “nice” ticks,
/// bars, lines and where every label goes, so that no two labels overlap. Pure values in,
/// values out; `ChartSVG` only writes what this decides.
///
/// Sizes are in the units of the SVG's viewBox, `width` (400) wide, with text of `fontSize`
/// 16. The stylesheet lets the chart grow to 25em, 400 px at the browser's 16 px, so at its
/// widest one unit is one pixel and the smallest text in it is exactly the body's small
/// print (1rem: tables, meta lines, the footer); if a reader makes text larger, the chart
/// grows with it. Narrower, it scales down with its column and never scrolls sideways: at
/// 320 px (a 290 px column) text is 11.6 px. A viewBox as wide as the text column (640)
/// would leave it 7 px there, hence the narrower one, at the cost of names wrapping sooner.
struct ChartLayout: Equatable {
    enum Kind: String, CaseIterable, Sendable {
        case bar, column, line
    }

    struct Series: Equatable {
        var name: String
        /// Each category's figure, nil where there is none.
        var values: [Double?]
        /// Each figure as the file writes it (`1,200`, `42%`), for its label.
        var texts: [String]
    }

    struct Box: Equatable {
        var x, y, width, height: Double
        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    enum Anchor: String { case start, middle, end }

    struct Label: Equatable {
        var text: String
        /// Where the text is anchored, and its baseline.
        var x, y: Double
        var anchor: Anchor = .start
        /// The series it names the figure of, if any (for its class).
        var series: Int? = nil

        /// The room the text takes: a generous estimate for the sans-serif fonts used.
        var box: Box {
            let width = ChartLayout.textWidth(text)
            let left = anchor == .start ? x : anchor == .middle ? x - width / 2 : x - width
            return Box(x: left, y: y - ChartLayout.fontSize, width: width, height: ChartLayout.lineHeight)
        }
    }

    struct Bar: Equatable {
        var series: Int
        var box: Box
    }

    struct Line: Equatable {
        var series: Int
        /// Runs of points with figures; a missing figure breaks the line.
        var runs: [[(x: Double, y: Double)]]
        static func == (a: Line, b: Line) -> Bool {
            a.series == b.series && a.runs.count == b.runs.count
                && zip(a.runs, b.runs).allSatisfy { $0.count == $1.count && zip($0, $1).allSatisfy { $0.x == $1.x && $0.y == $1.y } }
        }
    }

    /// A straight rule: axes and grid lines.
    struct Rule: Equatable {
        var x1, y1, x2, y2: Double
        var grid = false
    }

    /// Why data cannot be drawn as asked, for the block to report where the author can fix it.
    enum Problem: Error, Equatable {
        /// Column labels too wide for their columns even on three lines.
        case labelsTooLong(String)
        /// Value labels too wide to leave room for the bars or lines.
        case figuresTooWide(String)
    }

    static let width = 400.0
    static let fontSize = 16.0
    static let lineHeight = 20.0
    /// Most sans-serif faces average about half an em a character; 0.6 leaves room for
    /// wide letters and capitals, so an estimated box holds the real text.
    static let characterWidth = 0.6
    /// Room between a label and what it labels, and between rows of bars.
    static let gap = 6.0
    static let barThickness = 22.0
    /// The height of the plotting area of column and line charts.
    static let plotHeight = 240.0
    /// Beyond these a chart is no longer read: the block reports the first row or column over.
    static let categoryLimit = 60
    static let seriesLimit = 6

    var height: Double
    var bars: [Bar] = []
    var lines: [Line] = []
    var rules: [Rule] = []
    var labels: [Label] = []

    static func textWidth(_ text: String) -> Double { Double(text.count) * fontSize * characterWidth }

    // MARK: Scales

    /// Round steps from 0 to at least `maximum`: 1, 2 or 5 times a power of ten, about
    /// `count` of them (0…50 in 10s for 47, 0…0.25 in 0.05s for 0.23; just 0…1 for 0).
    static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let rough = maximum / Double(count)
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let steps = Int((maximum / step).rounded(.up))
        return (0...max(steps, 1)).map { Double($0) * step }
    }

    /// Words of `text` in lines no wider than `width`; nil if one word alone is wider.
    static func wrap(_ text: String, width: Double) -> [String]? {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if textWidth(candidate) <= width {
                line = candidate
            } else {
                guard textWidth(String(word)) <= width else { return nil }
                if !line.isEmpty { lines.append(line) }
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A tick's text: as many decimals as its step needs, thousands grouped, `suffix` after.
    static func tickText(_ value: Double, step: Double, suffix: String) -> String {
        let decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
        return TableTotals.format(value, decimals: decimals, grouped: true) + suffix
    }

    // MARK: Charts

    /// The layout of `series` over `categories` as `kind`. `suffix` follows tick figures
    /// (`%` when the figures are percentages). Every figure is 0 or more; there is at least
    /// one category and one series (the block checks both).
    static func layout(
        _ kind: Kind, categories: [String], series: [Series], suffix: String = ""
    ) -> Result<ChartLayout, Problem> {
        switch kind {
        case .bar: return bars(categories: categories, series: series)
        case .column: return columns(categories: categories, series: series)
        case .line: return line(categories: categories, series: series, suffix: suffix)
        }
    }

    /// The largest figure, or 0.
    private static func largest(_ series: [Series]) -> Double {
        series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    }

    /// Units of length per unit of figure, `room` long for the largest; 0 when all are 0.
    private static func scale(_ series: [Series], room: Double) -> Double {
        let most = largest(series)
        return most > 0 ? room / most : 0
    }

    /// A figure's label: the figure as written, after its series' name when there are several.
    private static func figure(_ series: [Series], _ index: Int, _ category: Int) -> String {
        let text = series[index].values[category] == nil ? "no figure" : series[index].texts[category]
        return series.count > 1 ? "\(series[index].name): \(text)" : text
    }

    /// Horizontal bars: each category's name on its own lines, then a bar per series, each
    /// labelled at its end. Every label has a band of its own, so none can overlap, however
    /// long the names or many the categories.
    static func bars(categories: [String], series: [Series]) -> Result<ChartLayout, Problem> {
        let widest = categories.indices.flatMap { category in series.indices.map { textWidth(figure(series, $0, category)) } }.max() ?? 0
        let room = width - widest - gap
        guard room >= width / 3 else {
            return .failure(.figuresTooWide(series.map(\.name).max { $0.count < $1.count } ?? ""))
        }
        let scale = scale(series, room: room)
        var layout = ChartLayout(height: 0)
        var y = 0.0
        for (category, name) in categories.enumerated() {
            for line in wrap(name, width: width) ?? [name] {
                y += lineHeight
                layout.labels.append(Label(text: line, x: 0, y: y - 4))
            }
            y += gap / 2
            for index in series.indices {
                let length = (series[index].values[category] ?? 0) * scale
                layout.bars.append(Bar(series: index, box: Box(x: 0, y: y, width: length, height: barThickness)))
                layout.labels.append(Label(
                    text: figure(series, index, category), x: length + gap, y: y + barThickness - 5, series: index))
                y += barThickness + 2
            }
            y += gap * 2
        }
        layout.height = y
        return .success(layout)
    }

    /// Vertical columns, one series: the figure above each column, the category's name
    /// (on up to three lines) beneath it. Names that do not fit their column are refused
    /// rather than drawn over each other.
    static func columns(categories: [String], series: [Series]) -> Result<ChartLayout, Problem> {
        let values = series[0]
        let band = width / Double(categories.count)
        let top = lineHeight + gap
        var names: [[String]] = []
        for name in categories {
            guard let lines = wrap(name, width: band - gap), lines.count <= 3 else { return .failure(.labelsTooLong(name)) }
            names.append(lines)
        }
        if let wide = categories.indices.first(where: { textWidth(figure(series, 0, $0)) > band - gap }) {
            return .failure(.figuresTooWide(figure(series, 0, wide)))
        }
        let scale = scale(series, room: plotHeight)
        let base = top + plotHeight
        var layout = ChartLayout(height: 0)
        layout.rules.append(Rule(x1: 0, y1: base, x2: width, y2: base))
        for category in categories.indices {
            let middle = band * (Double(category) + 0.5)
            let length = (values.values[category] ?? 0) * scale
            let thickness = min(band * 0.6, 80)
            layout.bars.append(Bar(series: 0, box: Box(x: middle - thickness / 2, y: base - length, width: thickness, height: length)))
            layout.labels.append(Label(text: figure(series, 0, category), x: middle, y: base - length - gap, anchor: .middle, series: 0))
            for (row, line) in names[category].enumerated() {
                layout.labels.append(Label(text: line, x: middle, y: base + lineHeight * Double(row + 1), anchor: .middle))
            }
        }
        layout.height = base + lineHeight * Double(names.map(\.count).max() ?? 1) + gap
        return .success(layout)
    }

    /// Lines across the categories (years, usually) on a scale from 0 with grid lines at
    /// round figures; each line named with its last figure at its end, the names moved
    /// apart where lines end close together (sorted once, then one pass down and one up:
    /// no name is compared with every other). Category names that would collide are shown
    /// every second (third…) one, evenly; a name wider than a third of the chart is refused.
    static func line(categories: [String], series: [Series], suffix: String) -> Result<ChartLayout, Problem> {
        let steps = ticks(upTo: largest(series))
        let step = steps.count > 1 ? steps[1] : 1
        let tickTexts = steps.map { tickText($0, step: step, suffix: suffix) }
        let ends = series.indices.map { index -> (text: String, value: Double)? in
            guard let last = series[index].values.lastIndex(where: { $0 != nil }) else { return nil }
            return ("\(series[index].name) \(series[index].texts[last])", series[index].values[last]!)
        }
        if let long = categories.first(where: { textWidth($0) > width / 3 }) { return .failure(.labelsTooLong(long)) }
        // Room on the left for the ticks and half the first name, on the right for the
        // lines' names and half the last name.
        let left = max(tickTexts.map(textWidth).max() ?? 0, textWidth(categories[0]) / 2) + gap
        let right = min(
            width - (ends.compactMap { $0.map { textWidth($0.text) } }.max() ?? 0) - gap * 2,
            width - textWidth(categories[categories.count - 1]) / 2)
        guard right - left >= width / 3 else {
            return .failure(.figuresTooWide(ends.compactMap { $0?.text }.max { $0.count < $1.count } ?? ""))
        }
        let top = lineHeight
        let base = top + plotHeight
        let scale = plotHeight / (steps.last ?? 1)
        let spacing = categories.count > 1 ? (right - left) / Double(categories.count - 1) : 0
        func x(_ category: Int) -> Double { categories.count > 1 ? left + spacing * Double(category) : (left + right) / 2 }
        func y(_ value: Double) -> Double { base - value * scale }

        var layout = ChartLayout(height: 0)
        for (value, text) in zip(steps, tickTexts) {
            layout.rules.append(Rule(x1: left, y1: y(value), x2: right, y2: y(value), grid: value > 0))
            layout.labels.append(Label(text: text, x: left - gap, y: y(value) + 5, anchor: .end))
        }
        for index in series.indices {
            var runs: [[(x: Double, y: Double)]] = [[]]
            for (category, value) in series[index].values.enumerated() {
                if let value { runs[runs.count - 1].append((x(category), y(value))) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            layout.lines.append(Line(series: index, runs: runs.filter { !$0.isEmpty }))
        }
        // Category names: every `stride`-th, so that neighbours shown never meet.
        let widest = categories.map(textWidth).max() ?? 0
        let stride = spacing > 0 ? max(1, Int(((widest + gap) / spacing).rounded(.up))) : 1
        for category in Swift.stride(from: 0, to: categories.count, by: stride) {
            layout.labels.append(Label(text: categories[category], x: x(category), y: base + lineHeight + gap, anchor: .middle))
        }
        // End labels: in order down the chart, each pushed below the one above if they
        // would meet, then the lowest ones pushed back up if they fall off the plot.
        let placed = ends.enumerated().compactMap { index, end in end.map { (index, $0.text, y($0.value) + 5) } }
            .sorted { $0.2 < $1.2 }
        var baselines = placed.map(\.2)
        for position in baselines.indices.dropFirst() {
            baselines[position] = max(baselines[position], baselines[position - 1] + lineHeight)
        }
        if var limit = baselines.last.map({ _ in base + 5 }) {
            for position in baselines.indices.reversed() {
                baselines[position] = min(baselines[position], limit)
                limit = baselines[position] - lineHeight
            }
        }
        for (position, end) in placed.enumerated() {
            layout.labels.append(Label(text: end.1, x: right + gap * 2, y: baselines[position], series: end.0))
        }
        let lowest = base + lineHeight + gap * 2
        layout.height = lowest
        return .success(layout)
    }
}
