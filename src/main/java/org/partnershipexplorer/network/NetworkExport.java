package org.partnershipexplorer.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A slice written as GraphML (Gephi, Cytoscape desktop, yEd), as CSV tables of nodes and edges, or as JSON. */
public final class NetworkExport {

    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A GraphML attribute: its key id, the element it belongs to, its type and how to read it from a record. */
    private record Key<T>(String id, String type, Function<T, Object> value) {
    }

    // Typed keys, so that Gephi sizes nodes by personnel and filters edges by year without a conversion step.
    private static final List<Key<NetworkNode>> NODE_KEYS = List.of(
            new Key<>("label", "string", NetworkNode::label),
            new Key<>("kind", "string", NetworkNode::kind),
            new Key<>("region", "string", NetworkNode::region),
            new Key<>("personnel", "int", NetworkNode::personnel),
            new Key<>("personnelAsOf", "string", NetworkNode::personnelAsOf),
            new Key<>("confidence", "string", n -> n.confidence().stored()),
            new Key<>("source", "string", NetworkNode::source));

    private static final List<Key<NetworkEdge>> EDGE_KEYS = List.of(
            new Key<>("kind", "string", NetworkEdge::kind),
            new Key<>("year", "int", NetworkEdge::year),
            new Key<>("endYear", "int", NetworkEdge::endYear),
            new Key<>("label", "string", NetworkEdge::label),
            new Key<>("confidence", "string", e -> e.confidence().stored()),
            new Key<>("sourceRef", "string", NetworkEdge::sourceRef));

    private NetworkExport() {
    }

    /** GraphML 1.0: one directed graph; node and edge ids are the slice's stable ids. */
    public static String graphml(Network network) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(GRAPHML_NS);
            xml.writeCharacters("\n");
            for (Key<NetworkNode> key : NODE_KEYS) {
                key(xml, "n_" + key.id(), "node", key);
            }
            for (Key<NetworkEdge> key : EDGE_KEYS) {
                key(xml, "e_" + key.id(), "edge", key);
            }
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "partnerships");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
            for (NetworkNode node : network.nodes()) {
                xml.writeStartElement("node");
                xml.writeAttribute("id", node.id());
                data(xml, "n_", NODE_KEYS, node);
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            for (NetworkEdge edge : network.edges()) {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", edge.id());
                xml.writeAttribute("source", edge.source());
                xml.writeAttribute("target", edge.target());
                data(xml, "e_", EDGE_KEYS, edge);
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing GraphML to a string failed", e);
        }
        return out.toString();
    }

    /** The nodes table; column names that Gephi's spreadsheet import recognises ({@code id}, {@code label}). */
    public static String nodesCsv(Network network) {
        return csv(new String[] {"id", "label", "kind", "region", "personnel", "personnel_as_of", "confidence",
                "source"}, network.nodes(), n -> new Object[] {n.id(), n.label(), n.kind(), n.region(), n.personnel(),
                n.personnelAsOf(), n.confidence().stored(), n.source()});
    }

    /**
     * The edges table ({@code source}/{@code target} are node ids and {@code type} is Directed, as Gephi reads them;
     * the provenance is {@code source_ref}).
     */
    public static String edgesCsv(Network network) {
        return csv(new String[] {"id", "source", "target", "type", "kind", "year", "end_year", "label", "confidence",
                "source_ref"}, network.edges(), e -> new Object[] {e.id(), e.source(), e.target(), "Directed", e.kind(),
                e.year(), e.endYear(), e.label(), e.confidence().stored(), e.sourceRef()});
    }

    /** The slice as {@code Query.network} answers it: {@code {nodes: [...], edges: [...]}}, nulls kept. */
    public static String json(Network network) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nodes", network.nodes());
        body.put("edges", network.edges());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a slice that Jackson cannot write", e);
        }
    }

    private static <T> void key(XMLStreamWriter xml, String id, String element, Key<T> key) throws XMLStreamException {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", element);
        xml.writeAttribute("attr.name", key.id());
        xml.writeAttribute("attr.type", key.type());
        xml.writeCharacters("\n");
    }

    private static <T> void data(XMLStreamWriter xml, String prefix, List<Key<T>> keys, T item)
            throws XMLStreamException {
        for (Key<T> key : keys) {
            Object value = key.value().apply(item);
            if (value != null) {
                xml.writeStartElement("data");
                xml.writeAttribute("key", prefix + key.id());
                xml.writeCharacters(value.toString());
                xml.writeEndElement();
            }
        }
    }

    private static <T> String csv(String[] header, List<T> rows, Function<T, Object[]> row) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (T item : rows) {
                printer.printRecord(row.apply(item));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
