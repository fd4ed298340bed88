package fr.conventionent.charter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.conventionent.document.UsersCharterDocument;

/**
 * The model users' charter, downloadable from the Tasklist form that records its adoption (a
 * Camunda Form cannot offer a process file for download). Public text, no personal data.
 */
@RestController
public class ModelCharterController {

    private final UsersCharterDocument document;

    public ModelCharterController(UsersCharterDocument document) {
        this.document = document;
    }

    @GetMapping(UsersCharterProcess.MODEL_URL)
    public ResponseEntity<byte[]> modelCharter() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(UsersCharterDocument.FILE_NAME).build().toString())
                .contentType(MediaType.parseMediaType(UsersCharterDocument.MIME_TYPE))
                .body(document.generate(null));
    }
}
