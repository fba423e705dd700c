package cnnplayground.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A network document that cannot be read, with every problem found in it. */
public final class SpecFormatException extends Exception {

    private final List<SpecProblem> problems;

    public SpecFormatException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::message).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public SpecFormatException(String message) {
        this(List.of(new SpecProblem(SpecProblem.NETWORK, message)));
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
