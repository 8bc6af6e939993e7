package io.skein.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Splits a text into sentences of tagged words with Apache OpenNLP and the English sentence,
 * tokenizer and maximum-entropy POS models of OpenNLP 1.5 (published on Maven Central by
 * {@code edu.washington.cs.knowitall}, shipped inside this bundle under {@code models/}).
 */
final class OpenNlpTagger {

    /** A sentence: its text and its tokens. */
    record Sentence(String text, List<Token> tokens) {
    }

    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final POSTaggerME tagger;

    OpenNlpTagger() throws IOException {
        sentences = new SentenceDetectorME(new SentenceModel(model("en-sent.bin")));
        tokenizer = new TokenizerME(new TokenizerModel(model("en-token.bin")));
        tagger = new POSTaggerME(new POSModel(model("en-pos-maxent.bin")), POSTagFormat.PENN);
    }

    private static InputStream model(String name) throws IOException {
        ClassLoader loader = OpenNlpTagger.class.getClassLoader();
        InputStream in = loader.getResourceAsStream("models/" + name);
        if (in == null) {
            // on a plain class path (unit tests) the model jars themselves hold the files
            in = loader.getResourceAsStream(name);
        }
        if (in == null) {
            throw new IOException("the bundle lacks models/" + name);
        }
        return in;
    }

    /** Typographic spaces of the corpus (no-break, hair, word joiner) become plain ones. */
    static String clean(String text) {
        return text.replace('\u00A0', ' ').replace("\u2060", "").replace('\u200A', ' ').replaceAll(" +", " ");
    }

    /** The tagger instances are not thread-safe; callers serialise. */
    synchronized List<Sentence> tag(String text) {
        List<Sentence> result = new ArrayList<>();
        for (String sentence : sentences.sentDetect(clean(text))) {
            // the 1.5 tokenizer splits only the ASCII possessive
            String[] words = tokenizer.tokenize(sentence.replace('’', '\''));
            String[] tags = tagger.tag(words);
            List<Token> tokens = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                tokens.add(new Token(words[i].replace('\'', '’'), tags[i]));
            }
            result.add(new Sentence(sentence, tokens));
        }
        return Abbreviations.rejoin(result);
    }
}
