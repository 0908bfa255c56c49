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
        /// Drawn on a white plate inside its bar (a stacked bar's part), for the contrast
        /// of dark text on white whatever the bar's colour and pattern.
        var plate = false

        /// The room the text takes (with its plate, if it has one): a generous estimate
        /// for the sans-serif fonts used.
        var box: Box {
            let width = ChartLayout.textWidth(text)
            let left = anchor == .start ? x : anchor == .middle ? x - width / 2 : x - width
            let padding = plate ? ChartLayout.platePadding : 0
            return Box(x: left - padding, y: y - ChartLayout.fontSize, width: width + 2 * padding, height: ChartLayout.lineHeight)
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
        /// A thin line from a line's end to its name moved away from it.
        var leader = false
    }

    /// Why data cannot be drawn as asked, for the block to report where the author can fix it.
    enum Problem: Error, Equatable {
        /// Column labels too wide for their columns even on three lines.
        case labelsTooLong(String)
        /// Value labels too wide to leave room for the bars or lines.
        case figuresTooWide(String)
        /// A series' name with a word too long for a line of the key.
        case seriesNameTooLong(String)
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
    /// Room each side of a figure on its plate, and the side of a swatch in the key.
    static let platePadding = 3.0
    /// Room before the names at the chart's left edge: some letters (Y, J, W) reach a
    /// little left of where their text starts, and the SVG would cut them off.
    static let inset = 2.0
    static let swatchSize = 16.0

    var height: Double
    var bars: [Bar] = []
    var lines: [Line] = []
    var rules: [Rule] = []
    var labels: [Label] = []
    /// The key's swatches, one a series, each beside its name (a label).
    var swatches: [Bar] = []
    /// Whether bars and swatches are drawn in their series' pattern as well as its colour:
    /// the parts of stacked bars and grouped columns, whose figures do not name their
    /// series, so that neither the key nor the bars depend on colour alone.
    var patterned = false

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

    /// The layout of `series` over `categories` as `kind`, `stacked` (bars and columns
    /// only) or side by side. `suffix` follows tick figures and totals (`%` when the figures
    /// are percentages). Every figure is 0 or more; there is at least one category and one
    /// series (the block checks both).
    static func layout(
        _ kind: Kind, categories: [String], series: [Series], suffix: String = "", stacked: Bool = false
    ) -> Result<ChartLayout, Problem> {
        switch kind {
        case .bar where stacked: return stackedBars(categories: categories, series: series, suffix: suffix)
        case .bar: return bars(categories: categories, series: series)
        case .column where stacked: return stackedColumns(categories: categories, series: series, suffix: suffix)
        case .column where series.count > 1: return groupedColumns(categories: categories, series: series)
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
            for line in wrap(name, width: width - inset) ?? [name] {
                y += lineHeight
                layout.labels.append(Label(text: line, x: inset, y: y - 4))
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
        let names: [[String]]
        switch columnNames(categories, band: band) {
        case .failure(let problem): return .failure(problem)
        case .success(let lines): names = lines
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

    // MARK: Stacked and grouped

    /// The key, from `top` down: a swatch in each series' colour and pattern, then its name,
    /// side by side in rows across the chart (a name too long for what is left of a row
    /// starts the next; one too long for a row goes on lines of its own). Returns the y
    /// below it, with room to spare.
    mutating func addKey(_ series: [Series], top: Double) -> Result<Double, Problem> {
        let indent = Self.swatchSize + Self.gap
        var x = 0.0
        var rowTop = top
        var rowHeight = Self.lineHeight
        for (index, one) in series.enumerated() {
            guard let lines = Self.wrap(one.name, width: Self.width - indent) else { return .failure(.seriesNameTooLong(one.name)) }
            let entry = indent + (lines.map(Self.textWidth).max() ?? 0)
            if x > 0, x + entry > Self.width || lines.count > 1 {
                (x, rowTop, rowHeight) = (0, rowTop + rowHeight + Self.gap, Self.lineHeight)
            }
            swatches.append(Bar(series: index, box: Box(x: x, y: rowTop + 2, width: Self.swatchSize, height: Self.swatchSize)))
            for (number, line) in lines.enumerated() {
                labels.append(Label(text: line, x: x + indent, y: rowTop + Self.fontSize + Self.lineHeight * Double(number)))
            }
            rowHeight = max(rowHeight, Self.lineHeight * Double(lines.count))
            // A name on several lines has its rows to itself.
            x = lines.count > 1 ? Self.width : x + entry + Self.gap * 3
        }
        return .success(rowTop + rowHeight + Self.gap * 2)
    }

    /// A bar's figure on a plate in its middle, if the plate fits inside it with room to spare.
    mutating func addPlate(_ text: String, in bar: Box, series: Int) {
        let label = Label(text: text, x: bar.x + bar.width / 2, y: bar.y + bar.height / 2 + 6, anchor: .middle, series: series, plate: true)
        let plate = label.box
        if plate.x >= bar.x + 1, plate.x + plate.width <= bar.x + bar.width - 1, plate.y >= bar.y + 1, plate.y + plate.height <= bar.y + bar.height - 1 {
            labels.append(label)
        }
    }

    /// A category's total over the series, written as its figures are (decimals, a £
    /// before, `suffix` after) after “Total: ”, or alone if not `named`; “no figure” when
    /// it has none.
    static func total(_ series: [Series], _ category: Int, suffix: String, named: Bool = true) -> (value: Double, text: String) {
        let present = series.filter { $0.values[category] != nil }
        guard !present.isEmpty else { return (0, named ? "Total: no figure" : "–") }
        let value = present.reduce(0) { $0 + ($1.values[category] ?? 0) }
        let texts = present.map { $0.texts[category].trimmingCharacters(in: .whitespaces) }
        let decimals = texts.map { $0.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0 }.max() ?? 0
        let pounds = texts.contains { $0.hasPrefix("£") }
        return (value, (named ? "Total: " : "") + TableTotals.format(value, decimals: decimals, grouped: true, prefix: pounds ? "£" : "") + suffix)
    }

    /// Horizontal bars, each category's made of one part a series, in order from the left,
    /// after the key: its name above it, each part's figure on a plate inside the part where
    /// it fits (every figure is in the table below the chart), and the total at its end.
    static func stackedBars(categories: [String], series: [Series], suffix: String) -> Result<ChartLayout, Problem> {
        var layout = ChartLayout(height: 0, patterned: true)
        var y: Double
        switch layout.addKey(series, top: 0) {
        case .failure(let problem): return .failure(problem)
        case .success(let below): y = below
        }
        let totals = categories.indices.map { total(series, $0, suffix: suffix) }
        let widest = totals.max { textWidth($0.text) < textWidth($1.text) }?.text ?? ""
        let room = width - textWidth(widest) - gap
        guard room >= width / 3 else { return .failure(.figuresTooWide(widest)) }
        let most = totals.map(\.value).max() ?? 0
        let scale = most > 0 ? room / most : 0
        for (category, name) in categories.enumerated() {
            for line in wrap(name, width: width - inset) ?? [name] {
                y += lineHeight
                layout.labels.append(Label(text: line, x: inset, y: y - 4))
            }
            y += gap / 2
            var x = 0.0
            for index in series.indices {
                guard let value = series[index].values[category], value > 0 else { continue }
                let part = Box(x: x, y: y, width: value * scale, height: barThickness)
                layout.bars.append(Bar(series: index, box: part))
                layout.addPlate(series[index].texts[category], in: part, series: index)
                x += part.width
            }
            layout.labels.append(Label(text: totals[category].text, x: x + gap, y: y + barThickness - 5))
            y += barThickness + 2 + gap * 2
        }
        layout.height = y
        return .success(layout)
    }

    /// Category names under columns `band` wide, on up to three lines each; nil if one does not fit.
    private static func columnNames(_ categories: [String], band: Double) -> Result<[[String]], Problem> {
        var names: [[String]] = []
        for name in categories {
            guard let lines = wrap(name, width: band - gap), lines.count <= 3 else { return .failure(.labelsTooLong(name)) }
            names.append(lines)
        }
        return .success(names)
    }

    /// Vertical columns, each category's made of one part a series, from the bottom up,
    /// under the key: each part's figure on a plate inside it where it fits, the total above
    /// the column (just the figure where “Total: ” leaves too little room), the category's
    /// name beneath it.
    static func stackedColumns(categories: [String], series: [Series], suffix: String) -> Result<ChartLayout, Problem> {
        var layout = ChartLayout(height: 0, patterned: true)
        let keyBottom: Double
        switch layout.addKey(series, top: 0) {
        case .failure(let problem): return .failure(problem)
        case .success(let below): keyBottom = below
        }
        let band = width / Double(categories.count)
        let names: [[String]]
        switch columnNames(categories, band: band) {
        case .failure(let problem): return .failure(problem)
        case .success(let lines): names = lines
        }
        // Each total above its column, named “Total: ” if every one has room for that.
        var totals = categories.indices.map { total(series, $0, suffix: suffix) }
        if totals.contains(where: { textWidth($0.text) > band - gap }) {
            totals = categories.indices.map { total(series, $0, suffix: suffix, named: false) }
        }
        if let wide = totals.first(where: { textWidth($0.text) > band - gap }) { return .failure(.figuresTooWide(wide.text)) }
        let most = totals.map(\.value).max() ?? 0
        let scale = most > 0 ? plotHeight / most : 0
        let base = keyBottom + lineHeight + gap + plotHeight
        layout.rules.append(Rule(x1: 0, y1: base, x2: width, y2: base))
        let thickness = min(band * 0.6, 80)
        for category in categories.indices {
            let middle = band * (Double(category) + 0.5)
            var y = base
            for index in series.indices {
                guard let value = series[index].values[category], value > 0 else { continue }
                let part = Box(x: middle - thickness / 2, y: y - value * scale, width: thickness, height: value * scale)
                layout.bars.append(Bar(series: index, box: part))
                layout.addPlate(series[index].texts[category], in: part, series: index)
                y = part.y
            }
            layout.labels.append(Label(text: totals[category].text, x: middle, y: y - gap, anchor: .middle))
            for (row, line) in names[category].enumerated() {
                layout.labels.append(Label(text: line, x: middle, y: base + lineHeight * Double(row + 1), anchor: .middle))
            }
        }
        layout.height = base + lineHeight * Double(names.map(\.count).max() ?? 1) + gap
        return .success(layout)
    }

    /// Vertical columns side by side, one a series in each category, under the key: each
    /// column's figure above it, the category's name beneath the group. A figure wider than
    /// its column's share of the group is refused rather than drawn over its neighbour's.
    static func groupedColumns(categories: [String], series: [Series]) -> Result<ChartLayout, Problem> {
        var layout = ChartLayout(height: 0, patterned: true)
        let keyBottom: Double
        switch layout.addKey(series, top: 0) {
        case .failure(let problem): return .failure(problem)
        case .success(let below): keyBottom = below
        }
        let band = width / Double(categories.count)
        let names: [[String]]
        switch columnNames(categories, band: band) {
        case .failure(let problem): return .failure(problem)
        case .success(let lines): names = lines
        }
        let slot = (band - gap) / Double(series.count)
        func text(_ index: Int, _ category: Int) -> String { series[index].values[category] == nil ? "–" : series[index].texts[category] }
        for category in categories.indices {
            if let wide = series.indices.map({ text($0, category) }).first(where: { textWidth($0) > slot - 2 }) {
                return .failure(.figuresTooWide(wide))
            }
        }
        let scale = scale(series, room: plotHeight)
        let base = keyBottom + lineHeight + gap + plotHeight
        layout.rules.append(Rule(x1: 0, y1: base, x2: width, y2: base))
        let thickness = min(slot - 2, 60)
        for category in categories.indices {
            let start = band * Double(category) + gap / 2
            for index in series.indices {
                let middle = start + slot * (Double(index) + 0.5)
                let length = (series[index].values[category] ?? 0) * scale
                layout.bars.append(Bar(series: index, box: Box(x: middle - thickness / 2, y: base - length, width: thickness, height: length)))
                layout.labels.append(Label(text: text(index, category), x: middle, y: base - length - gap, anchor: .middle, series: index))
            }
            for (row, line) in names[category].enumerated() {
                layout.labels.append(Label(text: line, x: band * (Double(category) + 0.5), y: base + lineHeight * Double(row + 1), anchor: .middle))
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
        // Each line's name and last figure, on lines no wider than two fifths of the chart
        // (a statistics file's rows have long names); all of them on the chart's height.
        let endWidth = min(ends.compactMap { $0.map { textWidth($0.text) } }.max() ?? 0, width * 0.4)
        var endLines: [[String]?] = []
        for end in ends {
            guard let end else { endLines.append(nil); continue }
            guard let lines = wrap(end.text, width: endWidth) else { return .failure(.figuresTooWide(end.text)) }
            endLines.append(lines)
        }
        let top = lineHeight
        let base = top + plotHeight
        guard lineHeight * Double(endLines.reduce(0) { $0 + ($1?.count ?? 0) }) <= base + 5 - fontSize + lineHeight else {
            return .failure(.figuresTooWide(ends.compactMap { $0?.text }.max { $0.count < $1.count } ?? ""))
        }
        // Room on the left for the ticks and half the first name, on the right for the
        // lines' names and half the last name.
        let left = inset + max(tickTexts.map(textWidth).max() ?? 0, textWidth(categories[0]) / 2) + gap
        let right = min(
            width - (endLines.compactMap { $0?.map(textWidth).max() }.max() ?? 0) - gap * 2,
            width - textWidth(categories[categories.count - 1]) / 2)
        guard right - left >= width / 3 else {
            return .failure(.figuresTooWide(ends.compactMap { $0?.text }.max { $0.count < $1.count } ?? ""))
        }
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
        // End labels, each a block of lines centred on its line's end where it can be: in
        // order down the chart, each pushed below the one above if they would meet, then the
        // lowest pushed back up if they fall below the plot, then the highest back down if
        // they leave the top (the check above made room for all). A block moved away from its
        // line's end is joined to it by a thin leader line, so position, not colour, says
        // which is which.
        let placed = ends.enumerated().compactMap { index, end -> (series: Int, lines: [String], end: Double)? in
            guard let end, let lines = endLines[index] else { return nil }
            return (index, lines, y(end.value))
        }.sorted { $0.end < $1.end }
        func height(_ position: Int) -> Double { lineHeight * Double(placed[position].lines.count) }
        // Each block's first baseline.
        var baselines = placed.indices.map { placed[$0].end + 5 - (height($0) - lineHeight) / 2 }
        for position in baselines.indices.dropFirst() {
            baselines[position] = max(baselines[position], baselines[position - 1] + height(position - 1))
        }
        var limit = base + 5
        for position in baselines.indices.reversed() {
            baselines[position] = min(baselines[position], limit - (height(position) - lineHeight))
            limit = baselines[position] - lineHeight
        }
        var floor = fontSize
        for position in baselines.indices {
            baselines[position] = max(baselines[position], floor)
            floor = baselines[position] + height(position)
        }
        for (position, end) in placed.enumerated() {
            for (number, line) in end.lines.enumerated() {
                layout.labels.append(Label(text: line, x: right + gap * 2, y: baselines[position] + lineHeight * Double(number), series: end.series))
            }
            let middle = baselines[position] - 5 + (height(position) - lineHeight) / 2
            if abs(middle - end.end) > gap, let last = series[end.series].values.lastIndex(where: { $0 != nil }) {
                layout.rules.append(Rule(x1: x(last) + gap, y1: end.end, x2: right + gap * 1.5, y2: middle, leader: true))
            }
        }
        let lowest = base + lineHeight + gap * 2
        layout.height = lowest
        return .success(layout)
    }
}
