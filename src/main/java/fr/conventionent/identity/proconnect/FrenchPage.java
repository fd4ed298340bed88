package fr.conventionent.identity.proconnect;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** A small, plain and accessible French HTML page (the DSFR can dress it later). */
final class FrenchPage {

    private FrenchPage() {
    }

    static ResponseEntity<String> of(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " – Convention ENT</title>\n"
                + "<style>body{font-family:Marianne,Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#161616}a.bouton,button{display:inline-block;background:#000091;color:#fff;"
                + "padding:.5rem 1rem;border:0;text-decoration:none;font-size:1rem;cursor:pointer}"
                + "a.bouton:focus,button:focus{outline:2px solid #0a76f6;outline-offset:2px}</style>\n"
                + "</head>\n<body>\n<main id=\"contenu\">\n<h1>" + escape(title) + "</h1>\n" + body
                + "\n</main>\n</body>\n</html>\n";
        return ResponseEntity.status(status).contentType(new MediaType("text", "html",
                java.nio.charset.StandardCharsets.UTF_8)).header("Cache-Control", "no-store").body(html);
    }

    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
