import ArgumentParser
import Foundation
import Portal
import PortalCommandLine

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new board's website: pages, settings and training data, ready to build.",
        discussion: """
            Writes a project into an empty (or new) folder: Content/ with the standard sections \
            and pages, and site.yaml with the board's name. What only your board knows (local \
            phone numbers, addresses, partners' names) is marked [to be added: …]: `portal check` \
            lists each one until it is replaced. Example:
              portal init northmoor --name "Northmoor Safeguarding Children Partnership" --base-url https://www.northmoorscp.example.org
            """)

    @Argument(help: ArgumentHelp("The folder to make the project in (default: this folder, if it is empty).", valueName: "folder"))
    var folder = "."

    @Option(help: ArgumentHelp("The board's full name, in quotes.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp(
        "The short form used in titles and feeds (default: from the name, e.g. … Local Safeguarding Children Board → … LSCB).",
        valueName: "name"))
    var shortName: String?

    @Option(help: ArgumentHelp("The website's address, starting https:// (default: https://www.example.org, to change in site.yaml).", valueName: "address"))
    var baseURL: String?

    func run() throws {
        do {
            let board = try Starter.board(name: name, shortName: shortName, baseURL: baseURL)
            let written = try Starter.create(in: folder, for: board)
            let placeholders = written.reduce(0) { count, path in
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return count }
                return count + Placeholders.find(in: SourceFile(path: path, relativePath: path, text: text)).count
            }
            let shown = folder == "." ? "this folder" : "\(folder)/"
            print("Made the website of \(board.name) in \(shown): \(written.count) files, in Content/.")
            print("\(placeholders) details only your board knows are marked [to be added: …]; `portal check` lists them.")
            if baseURL == nil { print("Write the site's real address in Content/site.yaml (base_url) before you publish.") }
            print("Next:")
            if folder != "." { print("  cd \(folder.contains(" ") ? "\"\(folder)\"" : folder)") }
            print("  portal serve     see the site at http://127.0.0.1:8000/ as you edit the files in Content/")
            print("  portal check     list the details still to be added")
            print("  portal build     make the website in Site/, ready to publish")
        } catch let problem as Starter.Problem {
            Terminal.error("error: \(problem.description)")
            if case .notEmpty = problem { Terminal.error("Give a new folder's name: portal init my-board --name \"…\"") }
            throw ExitCode.failure
        } catch let failure as NewFiles.Failure {
            Terminal.error("error: \(failure.description)")
            throw ExitCode.failure
        }
    }
}
