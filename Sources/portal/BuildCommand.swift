import ArgumentParser
import Foundation
import Portal
import PortalCommandLine

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the website into the Site folder.",
        discussion: """
            Reads every page in the content folder and the templates in the theme folder, checks \
            them (missing fields, broken links, mistakes in dates), and writes the website. The \
            previous website is replaced only when the whole build succeeds.
            """)

    @OptionGroup var site: SiteOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp(
        "How to print problems: text for people, or json (an array on standard output) for editors and other tools.",
        valueName: "format"))
    var format: Format = .text

    func run() throws {
        let started = Date()
        let options = site.buildOptions
        let formatter = DiagnosticFormatter(colour: Terminal.supportsColour)
        do {
            let result = try Build.run(options)
            if format == .json {
                print(formatter.json(result.warnings))
                return
            }
            if !result.warnings.isEmpty { Terminal.error(formatter.report(result.warnings)) }
            if options.searchIndex == nil, !site.noSearchIndex { Terminal.error(SiteOptions.noPagefind) }
            if options.printer == nil, !site.noPDF, result.printable > 0 { Terminal.error(SiteOptions.noWeasyPrint) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print("Built \(result.pageCount) pages into \(site.output)/ in \(seconds) s.")
        } catch let failure as BuildFailed {
            if format == .json {
                print(formatter.json(failure.diagnostics))
                throw ExitCode.failure
            }
            Terminal.error(formatter.report(failure.diagnostics))
            let errors = failure.diagnostics.filter(\.isError).count
            Terminal.error("The build stopped: \(errors) error\(errors == 1 ? "" : "s") to fix. \(site.output)/ was not changed.")
            throw ExitCode.failure
        } catch let failure as OutputWriter.Failure {
            Terminal.error("error: \(failure.description)")
            throw ExitCode.failure
        }
    }
}
