package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Histogram;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;

/**
 * The charts without a server: any text is escaped (a service code that left the layout is its own label, whatever
 * it holds), every colour meets WCAG AA on its background, and each heat-map cell's number reads on its shade.
 */
class ReportSvgTest {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final String ODD = "<x&\"y'>";

    private static Figures figures(int issued, int served, long... waits) {
        Histogram h = Histogram.EMPTY;
        for (long w : waits) {
            h = h.plus(w);
        }
        return new Figures(new int[] {issued}, waits.length, served, 0, 0, 0, 0, 0, h, Histogram.EMPTY, new int[4]);
    }

    private static Report report(Grouping g) {
        List<Cell> cells = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            for (int hour = 7; hour < 17; hour++) {
                cells.add(new Cell(new CellKey(MONDAY.plusDays(d), "ho-tich", 1, "lan", hour),
                        figures(1 + (d * 7 + hour) % 13, 1, 60L * hour)));
            }
        }
        cells.add(new Cell(new CellKey(MONDAY, ODD, 0, "", 9), figures(3, 0)));
        return Report.of(Period.of(Period.Kind.WEEK, MONDAY), g, cells, List.of());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void textIsEscapedAndTheChartIsNamedInBothLanguages() throws Exception {
        String svg = ReportSvg.groups(report(Grouping.SERVICE), new ReportLabels(TestOffices.small()));
        assertTrue(svg.contains("&lt;x&amp;&quot;y&#39;&gt;") && !svg.contains(ODD), svg);
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        assertEquals("Số phiếu và đã phục vụ theo dịch vụ / Issued and served by service", root.getAttribute("aria-label"));
        NodeList texts = doc.getElementsByTagNameNS(SVG, "text");
        boolean odd = false;
        for (int i = 0; i < texts.getLength(); i++) {
            odd |= texts.item(i).getTextContent().equals(ODD);
        }
        assertTrue(odd, "the label reads back as written");
    }

    @Test
    void everyHeatMapNumberReadsOnItsShade() throws Exception {
        for (ReportSvg.Measure m : ReportSvg.Measure.values()) {
            Document doc = parse(ReportSvg.heatMap(report(Grouping.SERVICE), m));
            NodeList rects = doc.getElementsByTagNameNS(SVG, "rect");
            int cells = 0;
            for (int i = 0; i < rects.getLength(); i++) {
                Element r = (Element) rects.item(i);
                if (r.getElementsByTagNameNS(SVG, "title").getLength() == 0) {
                    continue; // the background
                }
                Element text = (Element) r.getNextSibling().getNextSibling(); // after the line break
                assertEquals("text", text.getLocalName());
                double ratio = Contrast.ratio(r.getAttribute("fill"), text.getAttribute("fill"));
                assertTrue(ratio >= Contrast.AA_TEXT, m + " " + text.getTextContent() + " on " + r.getAttribute("fill")
                        + ": " + ratio);
                cells++;
            }
            assertEquals(7 * 11, cells, "7 weekdays x the office hours 7-17");
        }
    }

    @Test
    void theColoursMeetWcagAaOnWhite() {
        for (String mark : new String[] {ReportSvg.ISSUED, ReportSvg.SERVED, ReportSvg.WAIT, ReportSvg.GRID}) {
            assertTrue(Contrast.ratio(mark, "#ffffff") >= Contrast.AA_GRAPHICS, mark);
        }
        for (String text : new String[] {Svg.INK, Svg.MUTED}) {
            assertTrue(Contrast.ratio(text, "#ffffff") >= Contrast.AA_TEXT, text);
        }
        assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 0.01);
        assertEquals("#000000", Contrast.textOn(ReportSvg.LOW));
        assertEquals("#ffffff", Contrast.textOn(ReportSvg.HIGH));
    }

    @Test
    void theTrendWritesEachDaysFiguresAndTimesAsMinutesAndSeconds() throws Exception {
        Report week = report(Grouping.SERVICE);
        Report byDay = report(Grouping.DAY);
        Document doc = parse(ReportSvg.trend(week, byDay));
        List<String> texts = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < list.getLength(); i++) {
            texts.add(list.item(i).getTextContent());
        }
        for (Report.Row r : byDay.rows()) {
            assertTrue(texts.contains(Integer.toString(r.figures().issued())), r.key() + " in " + texts);
            assertTrue(texts.contains(ReportLabels.duration(r.figures().waits().average())), r.key() + " in " + texts);
        }
        assertTrue(texts.contains("02/11") && texts.contains("08/11"), "the first and last days are named: " + texts);
        assertEquals("—", ReportLabels.duration(null));
        assertEquals("75:00", ReportLabels.duration(4500L));
        assertEquals("0:07", ReportLabels.duration(7L));
    }
}
