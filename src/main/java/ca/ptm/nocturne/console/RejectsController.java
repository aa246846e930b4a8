package ca.ptm.nocturne.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Rejets: the rows the imports refused, filtered and paginated, exported as CSV, marked resolved by an admin. */
@Controller
@ConditionalOnWebApplication
public class RejectsController {

    private final RejectQueries rejects;
    private final ConsoleActions actions;
    private final ConsoleFormat format;

    public RejectsController(RejectQueries rejects, ConsoleActions actions, ConsoleFormat format) {
        this.rejects = rejects;
        this.actions = actions;
        this.format = format;
    }

    @GetMapping("/rejects")
    public String list(@RequestParam(required = false) String file, @RequestParam(required = false) String code,
                       @RequestParam(required = false) Long instance, @RequestParam(required = false) String state,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        RejectFilter filter = new RejectFilter(file, code, instance, state);
        model.addAttribute("filter", filter);
        model.addAttribute("page", rejects.page(filter, page));
        model.addAttribute("files", rejects.files());
        model.addAttribute("codes", rejects.codes());
        model.addAttribute("exportUrl", url("/rejects/export.csv", filter, null));
        model.addAttribute("previousUrl", url("/rejects", filter, page - 1));
        model.addAttribute("nextUrl", url("/rejects", filter, page + 1));
        return "console/rejects";
    }

    /** The filtered rejects as CSV for Excel fr-CA: UTF-8 with BOM, ';', formula-guarded cells. */
    @GetMapping("/rejects/export.csv")
    public void export(@RequestParam(required = false) String file, @RequestParam(required = false) String code,
                       @RequestParam(required = false) Long instance, @RequestParam(required = false) String state,
                       HttpServletResponse response) throws IOException {
        RejectFilter filter = new RejectFilter(file, code, instance, state);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rejets.csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvCells.BOM);
        out.write(CsvCells.line(List.of("Fichier", "Ligne", "Champ", "Valeur", "Code", "Message", "Ligne brute", "Résolu le", "Résolu par")));
        rejects.each(filter, rs -> {
            List<Object> cells = new ArrayList<>();
            cells.add(rs.getString("file_name"));
            cells.add(rs.getInt("line_number"));
            cells.add(rs.getString("field_name"));
            cells.add(rs.getString("raw_value"));
            cells.add(rs.getString("error_code"));
            cells.add(rs.getString("message"));
            cells.add(rs.getString("raw_line"));
            cells.add(rs.getTimestamp("resolved_at") == null ? "" : format.instant(rs.getTimestamp("resolved_at")));
            cells.add(rs.getString("resolved_by"));
            try {
                out.write(CsvCells.line(cells));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @PostMapping("/rejects/{id}/resolve")
    public String resolve(@PathVariable long id, @RequestParam(required = false) String file, @RequestParam(required = false) String code,
                          @RequestParam(required = false) Long instance, @RequestParam(required = false) String state,
                          @RequestParam(defaultValue = "0") int page, Principal principal, RedirectAttributes redirect) {
        boolean done = actions.resolveReject(id, principal.getName(), rejects);
        redirect.addFlashAttribute("notice", done ? "Rejet " + id + " marqué résolu par " + principal.getName() + "."
                : "Rejet " + id + " introuvable ou déjà résolu.");
        return "redirect:" + url("/rejects", new RejectFilter(file, code, instance, state), page);
    }

    private static String url(String path, RejectFilter filter, Integer page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        if (filter.file() != null) {
            url.queryParam("file", filter.file());
        }
        if (filter.code() != null) {
            url.queryParam("code", filter.code());
        }
        if (filter.instance() != null) {
            url.queryParam("instance", filter.instance());
        }
        url.queryParam("state", filter.state());
        if (page != null) {
            url.queryParam("page", Math.max(0, page));
        }
        return url.encode().build().toUriString();
    }
}
