package fr.conventionent.aaf.generator;

import fr.conventionent.aaf.AafCategory;
import fr.conventionent.aaf.AafExtraction;
import fr.conventionent.aaf.AafXmlChecker;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Écrit les entrées d'une catégorie en flux, en passant au fichier de numéro suivant ({@code _0000},
 * {@code _0001}…) tous les {@code maxEntries} : la mémoire utilisée ne dépend pas du volume généré.
 * La mise en forme (une balise {@code attr} par ligne, indentation de 4 espaces) imite les fichiers réels,
 * pour que la taille en lignes soit réaliste.
 */
final class RollingAafFileWriter implements Closeable {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final Path folder;
    private final AafExtraction extraction;
    private final AafCategory category;
    private final int maxEntries;
    private final Charset charset;
    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
    private final List<Path> files = new ArrayList<>();

    private OutputStream out;
    private XMLStreamWriter writer;
    private int entriesInFile;
    private long entries;

    RollingAafFileWriter(Path folder, AafExtraction extraction, AafCategory category, int maxEntries, Charset charset) {
        this.folder = folder;
        this.extraction = extraction;
        this.category = category;
        this.maxEntries = maxEntries;
        this.charset = charset;
    }

    /** Le writer où écrire la prochaine entrée (ouvre un nouveau fichier si besoin). */
    XMLStreamWriter nextEntry() throws XMLStreamException {
        if (writer == null || entriesInFile == maxEntries) {
            closeCurrent();
            open();
        }
        entriesInFile++;
        entries++;
        return writer;
    }

    private void open() throws XMLStreamException {
        Path file = folder.resolve(extraction.fileName(category, files.size()).fileName());
        try {
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("écriture impossible de " + file, e);
        }
        files.add(file);
        entriesInFile = 0;
        writer = factory.createXMLStreamWriter(out, charset.name());
        writer.writeStartDocument(charset.name(), "1.0");
        writer.writeCharacters("\n");
        writer.writeDTD("<!DOCTYPE " + AafXmlChecker.ROOT + " SYSTEM \"" + AafXmlChecker.DTD_FILE + "\">");
        writer.writeCharacters("\n");
        writer.writeStartElement(AafXmlChecker.ROOT);
        writer.writeCharacters("\n");
        writer.writeComment(" generateur=\"Convention ENT - donnees synthetiques\" ");
        writer.writeCharacters("\n");
        writer.writeComment(" degre=\"1D\" ");
        writer.writeCharacters("\n");
        writer.writeComment(" codeAcademieExport=\"25\" ");
        writer.writeCharacters("\n");
        writer.writeComment(" dateGenerationExport=\"" + FRENCH_DATE.format(extraction.date()) + "\" ");
        writer.writeCharacters("\n");
    }

    private void closeCurrent() throws XMLStreamException {
        if (writer == null) {
            return;
        }
        writer.writeEndElement();
        writer.writeCharacters("\n");
        writer.writeEndDocument();
        writer.close(); // ne ferme pas le flux sous-jacent (contrat StAX)
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer = null;
    }

    List<Path> files() {
        return files;
    }

    long entries() {
        return entries;
    }

    @Override
    public void close() throws IOException {
        try {
            closeCurrent();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
