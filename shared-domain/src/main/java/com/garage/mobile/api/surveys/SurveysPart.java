package com.garage.mobile.api.surveys;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.survey.SurveyAnswers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The app configuration's {@code surveys}: which surveys the person may answer now ({@code nps}, {@code csat}). */
@ApplicationScoped
public class SurveysPart implements AppConfigContribution {

    private final SurveyAnswers answers;

    public SurveysPart(SurveyAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String key() {
        return "surveys";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        return answers.due(actor);
    }
}
