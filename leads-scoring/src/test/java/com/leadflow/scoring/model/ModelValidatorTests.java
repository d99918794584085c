package com.leadflow.scoring.model;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.scoring.model.ModelDefinition.ActionOverride;
import com.leadflow.scoring.model.ModelDefinition.ActionRule;
import com.leadflow.scoring.model.ModelDefinition.Bands;
import com.leadflow.scoring.model.ModelDefinition.Behaviour;
import com.leadflow.scoring.model.ModelDefinition.FitCriterion;
import com.leadflow.scoring.model.ModelDefinition.Grades;
import com.leadflow.scoring.model.ModelDefinition.ScoreGroup;
import com.leadflow.scoring.model.ModelValidator.Violation;

class ModelValidatorTests {

	@Test
	void namesEveryWrongField() {
		ModelDefinition definition = new ModelDefinition(List.of(new ScoreGroup("default",
				List.of(new FitCriterion("size", null, "HEADCOUNT", "BETWEEN", null, 10.0, 5.0, 5000)),
				new Behaviour(List.of(new ActionRule("WEBINAR_ATTEND", 50, null, 10, null, null, null, null),
						new ActionRule("TELEPATHY", 10, null, null, null, null, null, null)),
						List.of(new ActionOverride("PAGE_VIEW", "web", null, 5)), -3.0, null, null),
				new Bands(300, 150), new Grades(10, 20, 30))));

		List<Violation> violations = ModelValidator.validate(definition);

		then(violations).extracting(Violation::field)
			.containsExactlyInAnyOrder("definition.groups[0].fit[0].attribute", "definition.groups[0].fit[0].max",
					"definition.groups[0].fit[0].points", "definition.groups[0].behaviour.actions[0].minutesPerStep",
					"definition.groups[0].behaviour.actions[1].action",
					"definition.groups[0].behaviour.overrides[0].action", "definition.groups[0].behaviour.halfLifeDays",
					"definition.groups[0].bands.hotAbove", "definition.groups[0].grades");
		then(violations).filteredOn(v -> v.field().endsWith("actions[1].action"))
			.singleElement()
			.satisfies(v -> then(v.message()).contains("TELEPATHY"));
	}

	@Test
	void acceptsEqualThresholdsAndSeveralGroups() {
		ModelDefinition definition = new ModelDefinition(List.of(
				new ScoreGroup("product-a", List.of(), null, new Bands(100, 100), null),
				new ScoreGroup("product-b", List.of(), null, null, null)));

		then(ModelValidator.validate(definition)).isEmpty();
	}

	@Test
	void rejectsDuplicateGroupNamesAndAnEmptyModel() {
		then(ModelValidator.validate(new ModelDefinition(List.of()))).extracting(Violation::field)
			.containsExactly("definition.groups");
		then(ModelValidator.validate(new ModelDefinition(
				List.of(new ScoreGroup("a", null, null, null, null), new ScoreGroup("a", null, null, null, null)))))
			.extracting(Violation::field)
			.containsExactly("definition.groups[1].name");
	}
}
